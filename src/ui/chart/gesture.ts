/** Telling a tap from a drag and a double tap from two taps, for every chart's pointer handling. */

/** A pointer that moved less than this between press and release tapped (clicked); more, it dragged. */
export const DRAG_PX = 4;
/** Two taps this close in time and place are a double tap (double-click). */
export const DOUBLE_TAP_MS = 400;
export const DOUBLE_TAP_PX = 10;

/** Two corners of a dragged box, in canvas pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const isDrag = (b: Box): boolean => Math.hypot(b.x1 - b.x0, b.y1 - b.y0) > DRAG_PX;

export interface Tap {
  t: number;
  x: number;
  y: number;
}

export const isDoubleTap = (prev: Tap | null, next: Tap): boolean =>
  prev !== null && next.t - prev.t <= DOUBLE_TAP_MS && Math.hypot(next.x - prev.x, next.y - prev.y) <= DOUBLE_TAP_PX;
