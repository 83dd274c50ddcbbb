import type { Span } from '../../ui/chart/frame';

/** One drawn trace's points, steps ascending. */
export interface Points {
  x: readonly number[];
  y: readonly number[];
}

/** Room above (and below, when zoomed) the highest point, so a line never runs along the frame. */
const PAD = 0.05;

/** Index of the point whose x is nearest `v` (x ascending), or -1 for no points. */
export function nearestIndex(xs: readonly number[], v: number): number {
  if (!xs.length) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - v) < Math.abs(xs[lo] - v) ? hi : lo;
}

/**
 * The whole run: steps from 0 to the last, losses from 0 (or the lowest negative density) to the
 * highest, as the first curves charts did, so early and late training share one picture.
 */
export function fullView(traces: readonly Points[]): { x: Span; y: Span } {
  let xMax = 0;
  let yMin = 0;
  let yMax = 0;
  let any = false;
  for (const t of traces) {
    for (let i = 0; i < t.x.length; i++) {
      any = true;
      if (t.x[i] > xMax) xMax = t.x[i];
      if (t.y[i] < yMin) yMin = t.y[i];
      if (t.y[i] > yMax) yMax = t.y[i];
    }
  }
  if (!any) return { x: [0, 1], y: [0, 1] };
  const span = yMax - yMin || 1;
  return { x: [0, xMax || 1], y: [yMin < 0 ? yMin - PAD * span : 0, yMax > 0 ? yMax + PAD * span : 0] };
}

/** The y range of the points whose steps lie in `x`, padded: a zoom shows the detail of late training. */
export function zoomedY(traces: readonly Points[], x: Span): Span {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of traces) {
    for (let i = 0; i < t.x.length; i++) {
      if (t.x[i] < x[0] || t.x[i] > x[1]) continue;
      if (t.y[i] < lo) lo = t.y[i];
      if (t.y[i] > hi) hi = t.y[i];
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = PAD * (hi - lo || Math.abs(hi) || 1);
  return [lo - pad, hi + pad];
}
