/** A straight-alpha RGBA pixel buffer, as an ImageData holds one. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * How much of each pixel a disc of this diameter (pixels) covers, on a square of side `side`:
 * sampled 4 × 4 per pixel so the edge is smooth. A disc of even diameter is centred on a pixel
 * corner and an odd one on a pixel centre, so that the mask is symmetric.
 */
export function discMask(diameter: number): { side: number; cover: Float32Array } {
  const d = Math.max(1, Math.round(diameter));
  const side = d + 2;
  const c = side / 2;
  const r2 = (diameter / 2) ** 2;
  const cover = new Float32Array(side * side);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      let n = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const dx = x + (sx + 0.5) / 4 - c;
          const dy = y + (sy + 0.5) / 4 - c;
          if (dx * dx + dy * dy <= r2) n++;
        }
      cover[y * side + x] = n / 16;
    }
  return { side, cover };
}

/** "#RRGGBB" as [r, g, b]. */
export const rgb = (hex: string): [number, number, number] => {
  const v = parseInt(hex.slice(1), 16);
  return [v >> 16, (v >> 8) & 255, v & 255];
};

/** Where the points' coordinates land in the buffer: pixel = (coordinate − origin) × scale. */
export interface Placement {
  left: number;
  top: number;
  scale: number;
}

/**
 * Stamps a disc of colour `color` and opacity `alpha` at each listed point (NaN skipped) onto
 * `out`, composited "over" what is there as a canvas would. Writing pixels in
 * JavaScript costs a few milliseconds for ten thousand points, where ten thousand canvas draw
 * calls cost tens of milliseconds on a software-rendered canvas.
 */
export function stampDiscs(
  out: Pixels,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  ids: ArrayLike<number>,
  color: readonly [number, number, number],
  alpha: number,
  mask: { side: number; cover: Float32Array },
  at: Placement = { left: 0, top: 0, scale: 1 },
): void {
  const { data, width, height } = out;
  const { side, cover } = mask;
  const half = side / 2;
  const [r, g, b] = color;
  for (let k = 0; k < ids.length; k++) {
    const x = (xs[ids[k]] - at.left) * at.scale;
    const y = (ys[ids[k]] - at.top) * at.scale;
    if (!(x === x && y === y)) continue;
    // The mask's centre lands on the pixel corner or centre nearest the point.
    const x0 = Math.round(x - half);
    const y0 = Math.round(y - half);
    for (let my = 0; my < side; my++) {
      const py = y0 + my;
      if (py < 0 || py >= height) continue;
      for (let mx = 0; mx < side; mx++) {
        const px = x0 + mx;
        const c = cover[my * side + mx];
        if (c === 0 || px < 0 || px >= width) continue;
        const a = alpha * c;
        const i = 4 * (py * width + px);
        if (data[i + 3] === 0) {
          // Most pixels have nothing under them yet: no blending to do.
          data[i] = r;
          data[i + 1] = g;
          data[i + 2] = b;
          data[i + 3] = a * 255;
          continue;
        }
        const da = data[i + 3] / 255;
        const oa = a + da * (1 - a);
        const keep = (da * (1 - a)) / oa;
        data[i] = r * (a / oa) + data[i] * keep;
        data[i + 1] = g * (a / oa) + data[i + 1] * keep;
        data[i + 2] = b * (a / oa) + data[i + 2] * keep;
        data[i + 3] = oa * 255;
      }
    }
  }
}
