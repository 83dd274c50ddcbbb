/** Points drawn per trace at most: plotly redraws every point on each update, and a long run has tens of thousands. */
export const MAX_DRAWN = 1500;

/** What to tell the chart after new points: append these, or (after thinning) redraw the whole trace. */
export type ThinnerUpdate = { kind: 'append'; x: number[]; y: number[] } | { kind: 'redraw'; x: number[]; y: number[] };

/**
 * One trace's drawn points, kept under `max`: each drawn point is the mean of `stride` consecutive
 * raw points (at the step of the last), and when the trace would grow past `max`, neighbouring
 * pairs merge and the stride doubles. Page memory and each chart update then stay bounded
 * however long training runs, and the curve keeps its shape (means, not dropped points).
 */
export class CurveThinner {
  private xs: number[] = [];
  private ys: number[] = [];
  private bucketX = 0;
  private bucketY = 0;
  private bucketN = 0;
  stride = 1;

  constructor(private readonly max = MAX_DRAWN) {}

  get drawn(): { x: readonly number[]; y: readonly number[] } {
    return { x: this.xs, y: this.ys };
  }

  push(x: readonly number[], y: readonly number[]): ThinnerUpdate {
    const from = this.xs.length;
    let rebuilt = false;
    for (let i = 0; i < x.length; i++) {
      this.bucketX = x[i];
      this.bucketY += y[i];
      if (++this.bucketN < this.stride) continue;
      this.xs.push(this.bucketX);
      this.ys.push(this.bucketY / this.bucketN);
      this.bucketY = 0;
      this.bucketN = 0;
      if (this.xs.length > this.max) {
        this.halve();
        rebuilt = true;
      }
    }
    if (rebuilt) return { kind: 'redraw', x: this.xs.slice(), y: this.ys.slice() };
    return { kind: 'append', x: this.xs.slice(from), y: this.ys.slice(from) };
  }

  clear(): void {
    this.xs = [];
    this.ys = [];
    this.bucketY = 0;
    this.bucketN = 0;
    this.stride = 1;
  }

  private halve(): void {
    const xs: number[] = [];
    const ys: number[] = [];
    const pairs = Math.floor(this.xs.length / 2);
    for (let i = 0; i < pairs; i++) {
      xs.push(this.xs[2 * i + 1]);
      ys.push((this.ys[2 * i] + this.ys[2 * i + 1]) / 2);
    }
    // An odd last point goes back into the (empty) open bucket, so every drawn point stays a mean
    // of exactly `stride` raw points.
    if (this.xs.length % 2) {
      this.bucketX = this.xs[this.xs.length - 1];
      this.bucketY = this.ys[this.ys.length - 1] * this.stride;
      this.bucketN = this.stride;
    }
    this.xs = xs;
    this.ys = ys;
    this.stride *= 2;
  }
}
