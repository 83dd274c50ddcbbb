/** An axis range [lo, hi] in data units. */
export type Span = readonly [number, number];

/** Where the plotting area sits in the canvas (CSS pixels) and which data it shows. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
  x: Span;
  y: Span;
}

export const xToPx = (f: Frame, v: number): number => f.left + ((v - f.x[0]) / (f.x[1] - f.x[0] || 1)) * f.width;
export const yToPx = (f: Frame, v: number): number => f.top + f.height - ((v - f.y[0]) / (f.y[1] - f.y[0] || 1)) * f.height;
export const pxToX = (f: Frame, px: number): number => f.x[0] + ((px - f.left) / (f.width || 1)) * (f.x[1] - f.x[0]);
export const pxToY = (f: Frame, py: number): number => f.y[0] + ((f.top + f.height - py) / (f.height || 1)) * (f.y[1] - f.y[0]);

export function inside(f: Frame, px: number, py: number): boolean {
  return px >= f.left && px <= f.left + f.width && py >= f.top && py <= f.top + f.height;
}

/**
 * Sizes a canvas's backing store to its CSS size times the device pixel ratio (crisp lines on
 * high-density screens) and returns a context that draws in CSS pixels, cleared.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
  const bw = Math.max(1, Math.round(width * dpr));
  const bh = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== bw || canvas.height !== bh) {
    canvas.width = bw;
    canvas.height = bh;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
