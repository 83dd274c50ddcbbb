/**
 * Average-pools uint8 images ([count, h, w, c], 0..255) by `factor` in both directions, to values in
 * [0, 1]: [count, ⌊h/f⌋, ⌊w/f⌋, c]. Rows and columns past a whole block are dropped.
 */
export function avgPool(images: Uint8Array, count: number, shape: readonly [number, number, number], factor: number): { x: Float64Array; shape: [number, number, number] } {
  const [h, w, c] = shape;
  const ph = Math.floor(h / factor);
  const pw = Math.floor(w / factor);
  if (ph < 1 || pw < 1) throw new Error(`pool: a factor of ${factor} leaves nothing of ${h}×${w} images`);
  const per = ph * pw * c;
  const x = new Float64Array(count * per);
  const norm = 1 / (255 * factor * factor);
  for (let i = 0; i < count; i++) {
    const src = i * h * w * c;
    for (let y = 0; y < ph * factor; y++) {
      for (let xx = 0; xx < pw * factor; xx++) {
        for (let ch = 0; ch < c; ch++) {
          const dst = i * per + (Math.floor(y / factor) * pw + Math.floor(xx / factor)) * c + ch;
          x[dst] += images[src + (y * w + xx) * c + ch] * norm;
        }
      }
    }
  }
  return { x, shape: [ph, pw, c] };
}

/** Images in [0, 1] ([count, h, w, c]) scaled up `factor`× by repeating pixels, as 0..255 bytes. */
export function upsampleToBytes(x: Float64Array, count: number, shape: readonly [number, number, number], factor: number): Uint8ClampedArray {
  const [h, w, c] = shape;
  const H = h * factor;
  const W = w * factor;
  const out = new Uint8ClampedArray(count * H * W * c);
  for (let i = 0; i < count; i++) {
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        for (let ch = 0; ch < c; ch++) {
          const v = x[i * h * w * c + (Math.floor(y / factor) * w + Math.floor(xx / factor)) * c + ch];
          // Uint8ClampedArray clamps; rounding keeps 0.5 levels honest.
          out[((i * H + y) * W + xx) * c + ch] = Math.round(v * 255);
        }
      }
    }
  }
  return out;
}
