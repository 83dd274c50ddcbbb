import { pxToX, pxToY, type Frame } from '../../ui/chart/frame';
import type { Box } from '../../ui/chart/gesture';
import type { Range } from './range';

/** A zoom box thinner than this on one side zooms only the other axis, as plotly's did. */
export const MIN_BOX_PX = 8;

/** The box clipped to the plotting area, corners in order. */
export function clipBox(f: Frame, b: Box): Box {
  const cx = (v: number) => Math.min(f.left + f.width, Math.max(f.left, v));
  const cy = (v: number) => Math.min(f.top + f.height, Math.max(f.top, v));
  return { x0: cx(Math.min(b.x0, b.x1)), x1: cx(Math.max(b.x0, b.x1)), y0: cy(Math.min(b.y0, b.y1)), y1: cy(Math.max(b.y0, b.y1)) };
}

/**
 * The ranges a box dragged over `f` zooms to, or null when it is too small on both sides. A box
 * thin in one direction keeps that axis's range, so a horizontal drag zooms x alone.
 */
export function zoomRanges(f: Frame, box: Box): { x: Range; y: Range } | null {
  const b = clipBox(f, box);
  const wide = b.x1 - b.x0 >= MIN_BOX_PX;
  const tall = b.y1 - b.y0 >= MIN_BOX_PX;
  if (!wide && !tall) return null;
  return {
    x: wide ? [pxToX(f, b.x0), pxToX(f, b.x1)] : [f.x[0], f.x[1]],
    // Pixel y grows downwards: the box's bottom edge is the range's low end.
    y: tall ? [pxToY(f, b.y1), pxToY(f, b.y0)] : [f.y[0], f.y[1]],
  };
}
