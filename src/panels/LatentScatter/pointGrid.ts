/**
 * Points bucketed into square cells over a w × h pixel area, so the point nearest the pointer is
 * found by looking at the few cells around it rather than at all ten thousand. Rebuilt per draw.
 */
export class PointGrid {
  private constructor(
    private readonly cell: number,
    private readonly cols: number,
    private readonly rows: number,
    /** Cell c holds items[start[c] .. start[c + 1]). */
    private readonly start: Int32Array,
    private readonly items: Int32Array,
    /** Where each item came in `ids`: the later one is drawn on top. */
    private readonly ranks: Int32Array,
    private readonly xs: ArrayLike<number>,
    private readonly ys: ArrayLike<number>,
  ) {}

  /**
   * The points `ids` (indices into xs, ys: pixel positions) that lie inside [0, w] × [0, h]. Later
   * ids are drawn on top, so on a tie the later one wins.
   */
  static build(xs: ArrayLike<number>, ys: ArrayLike<number>, ids: ArrayLike<number>, w: number, h: number, cell: number): PointGrid {
    const cols = Math.max(1, Math.ceil(w / cell));
    const rows = Math.max(1, Math.ceil(h / cell));
    const cellOf = new Int32Array(ids.length);
    const start = new Int32Array(cols * rows + 1);
    for (let k = 0; k < ids.length; k++) {
      const x = xs[ids[k]];
      const y = ys[ids[k]];
      // NaN fails every comparison, so a point without a position is left out too.
      if (!(x >= 0 && x <= w && y >= 0 && y <= h)) {
        cellOf[k] = -1;
        continue;
      }
      const c = Math.min(rows - 1, Math.floor(y / cell)) * cols + Math.min(cols - 1, Math.floor(x / cell));
      cellOf[k] = c;
      start[c + 1]++;
    }
    for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
    // A counting sort: each cell's points in the order given.
    const fill = start.slice(0, cols * rows);
    const items = new Int32Array(start[cols * rows]);
    const ranks = new Int32Array(items.length);
    for (let k = 0; k < ids.length; k++) {
      if (cellOf[k] < 0) continue;
      const slot = fill[cellOf[k]]++;
      items[slot] = ids[k];
      ranks[slot] = k;
    }
    return new PointGrid(cell, cols, rows, start, items, ranks, xs, ys);
  }

  get size(): number {
    return this.items.length;
  }

  /** The point nearest (x, y) no farther than `maxDist` pixels, or -1. */
  nearest(x: number, y: number, maxDist: number): number {
    const reach = Math.ceil(maxDist / this.cell);
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    let best = -1;
    let bestRank = -1;
    let bestD2 = maxDist * maxDist;
    for (let r = Math.max(0, cy - reach); r <= Math.min(this.rows - 1, cy + reach); r++)
      for (let c = Math.max(0, cx - reach); c <= Math.min(this.cols - 1, cx + reach); c++) {
        const cell = r * this.cols + c;
        for (let k = this.start[cell]; k < this.start[cell + 1]; k++) {
          const i = this.items[k];
          const dx = this.xs[i] - x;
          const dy = this.ys[i] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 < bestD2 || (d2 === bestD2 && this.ranks[k] > bestRank)) {
            best = i;
            bestRank = this.ranks[k];
            bestD2 = d2;
          }
        }
      }
    return best;
  }
}
