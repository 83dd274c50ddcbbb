/** An axis range [lo, hi]. */
export type Range = [number, number];

/** Smallest and largest of every `stride`-th value from `offset`: one coordinate of interleaved points. */
export function extent(values: ArrayLike<number>, count: number, offset: number, stride: number): Range {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i * stride + offset];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Number.isFinite(lo) ? [lo, hi] : [-1, 1];
}

/**
 * The axis range to show data spanning [lo, hi]: the current one while it still holds the data
 * without wasting more than half its width, else a new one with 10% margins. A steady range keeps
 * the picture from jittering while the model trains.
 */
export function nextRange(current: Range | null, [lo, hi]: Range): Range {
  const span = Math.max(hi - lo, 1e-6);
  if (current && current[0] <= lo && current[1] >= hi && current[1] - current[0] <= 2 * span) return current;
  const pad = 0.1 * span;
  return [lo - pad, hi + pad];
}

/** Ranges for interleaved (u, v) points: `prev`'s while they still fit (see nextRange), else fresh ones. */
export function fitRanges(points: ArrayLike<number>, count: number, prev: { x: Range; y: Range } | null): { x: Range; y: Range } {
  return { x: nextRange(prev?.x ?? null, extent(points, count, 0, 2)), y: nextRange(prev?.y ?? null, extent(points, count, 1, 2)) };
}
