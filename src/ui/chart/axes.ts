import { formatTick, niceTicks } from './ticks';
import { xToPx, yToPx, type Frame } from './frame';

export interface AxesStyle {
  font: { family: string; size: number; color: string };
  grid: string;
  /** Colour of the x = 0 and y = 0 lines, or none. */
  zero?: string;
  xTitle: string;
  yTitle: string;
}

/** Pixels between ticks that keep labels from crowding. */
const X_TICK_PX = 100;
const Y_TICK_PX = 60;

/** Grid, zero lines, tick labels and axis titles around `f`, in the style of the page's other charts. */
export function drawAxes(ctx: CanvasRenderingContext2D, f: Frame, s: AxesStyle): void {
  const xt = niceTicks(f.x[0], f.x[1], Math.max(2, f.width / X_TICK_PX));
  const yt = niceTicks(f.y[0], f.y[1], Math.max(2, f.height / Y_TICK_PX));
  const pad = Math.round(s.font.size * 0.5);
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = s.grid;
  ctx.beginPath();
  // Half-pixel offsets put one-pixel lines on pixel centres, so they stay sharp.
  for (const v of xt.values) {
    const px = Math.round(xToPx(f, v)) + 0.5;
    ctx.moveTo(px, f.top);
    ctx.lineTo(px, f.top + f.height);
  }
  for (const v of yt.values) {
    const py = Math.round(yToPx(f, v)) + 0.5;
    ctx.moveTo(f.left, py);
    ctx.lineTo(f.left + f.width, py);
  }
  ctx.stroke();
  if (s.zero) {
    ctx.strokeStyle = s.zero;
    ctx.beginPath();
    if (f.x[0] < 0 && f.x[1] > 0) {
      const px = Math.round(xToPx(f, 0)) + 0.5;
      ctx.moveTo(px, f.top);
      ctx.lineTo(px, f.top + f.height);
    }
    if (f.y[0] < 0 && f.y[1] > 0) {
      const py = Math.round(yToPx(f, 0)) + 0.5;
      ctx.moveTo(f.left, py);
      ctx.lineTo(f.left + f.width, py);
    }
    ctx.stroke();
  }
  ctx.fillStyle = s.font.color;
  ctx.font = `${s.font.size}px ${s.font.family}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xt.values) ctx.fillText(formatTick(v, xt.step), xToPx(f, v), f.top + f.height + pad);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yt.values) ctx.fillText(formatTick(v, yt.step), f.left - pad, yToPx(f, v));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(s.xTitle, f.left + f.width / 2, f.top + f.height + pad * 2 + s.font.size * 2.2);
  ctx.translate(f.left - pad * 2 - s.font.size * 2.6, f.top + f.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'bottom';
  ctx.fillText(s.yTitle, 0, 0);
  ctx.restore();
}

/** Margins (CSS px) that leave room for tick labels and titles at this font size. */
export function axesMargins(fontSize: number): { left: number; right: number; top: number; bottom: number } {
  return { left: Math.round(fontSize * 4.8), right: 16, top: 8, bottom: Math.round(fontSize * 3.8) };
}
