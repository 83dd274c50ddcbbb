import { drawAxes, type AxesStyle } from '../../ui/chart/axes';
import { xToPx, yToPx, type Frame } from '../../ui/chart/frame';
import type { Points } from './curveView';
import type { CurveNote } from './notes';
import type { TraceLook } from './traceLooks';

export interface DrawnTrace {
  look: TraceLook;
  points: Points;
}

export interface CurvesPicture {
  frame: Frame;
  axes: AxesStyle;
  /** Visible traces only. */
  traces: readonly DrawnTrace[];
  notes: readonly CurveNote[];
  noteColor: string;
  labelBackground: string;
  /** The hover or keyboard cursor's step, with the point each trace shows there. */
  cursor: { x: number; points: { trace: DrawnTrace; i: number }[] } | null;
  /** A zoom being dragged out, in CSS px along x. */
  band: readonly [number, number] | null;
  /** The training timeline's scrubbed step (a solid line), or null while live. */
  moment: number | null;
  momentColor: string;
}

/** The whole loss chart, from scratch: at a few thousand points this takes a few milliseconds. */
export function drawCurves(ctx: CanvasRenderingContext2D, p: CurvesPicture): void {
  const f = p.frame;
  drawAxes(ctx, f, p.axes);
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.width, f.height);
  ctx.clip();
  drawNotes(ctx, p);
  if (p.moment !== null) drawMoment(ctx, f, p.moment, p.momentColor);
  for (const t of p.traces) if (t.look.mark !== 'diamond') drawLine(ctx, f, t);
  for (const t of p.traces) if (t.look.mark === 'diamond') for (let i = 0; i < t.points.x.length; i++) diamond(ctx, f, t, i);
  if (p.cursor) drawCursor(ctx, f, p.cursor, p.axes.font.color);
  if (p.band) {
    ctx.fillStyle = 'rgba(47, 95, 208, 0.15)';
    ctx.fillRect(Math.min(...p.band), f.top, Math.abs(p.band[1] - p.band[0]), f.height);
  }
  ctx.restore();
}

function drawLine(ctx: CanvasRenderingContext2D, f: Frame, t: DrawnTrace): void {
  const { x, y } = t.points;
  if (!x.length) return;
  ctx.strokeStyle = t.look.color;
  ctx.lineWidth = t.look.width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(t.look.mark === 'dotted' ? [t.look.width, t.look.width * 2] : []);
  ctx.beginPath();
  ctx.moveTo(xToPx(f, x[0]), yToPx(f, y[0]));
  for (let i = 1; i < x.length; i++) ctx.lineTo(xToPx(f, x[i]), yToPx(f, y[i]));
  // A single point is still a mark.
  if (x.length === 1) ctx.lineTo(xToPx(f, x[0]) + 0.5, yToPx(f, y[0]));
  ctx.stroke();
  ctx.setLineDash([]);
}

function diamond(ctx: CanvasRenderingContext2D, f: Frame, t: DrawnTrace, i: number, grow = 1): void {
  const cx = xToPx(f, t.points.x[i]);
  const cy = yToPx(f, t.points.y[i]);
  const r = (t.look.size / 2) * grow;
  ctx.fillStyle = t.look.color;
  ctx.beginPath();
  ctx.moveTo(cx, cy - r);
  ctx.lineTo(cx + r, cy);
  ctx.lineTo(cx, cy + r);
  ctx.lineTo(cx - r, cy);
  ctx.closePath();
  ctx.fill();
}

function drawNotes(ctx: CanvasRenderingContext2D, p: CurvesPicture): void {
  const f = p.frame;
  const size = Math.round(p.axes.font.size * 0.92);
  ctx.font = `${size}px ${p.axes.font.family}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  for (const n of p.notes) {
    if (n.step < f.x[0] || n.step > f.x[1]) continue;
    const px = Math.round(xToPx(f, n.step)) + 0.5;
    ctx.strokeStyle = p.noteColor;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, f.top);
    ctx.lineTo(px, f.top + f.height);
    ctx.stroke();
    ctx.setLineDash([]);
    const w = ctx.measureText(n.text).width;
    ctx.fillStyle = p.labelBackground;
    ctx.fillRect(px + 3, f.top + 2, w + 4, size + 4);
    ctx.fillStyle = p.noteColor;
    ctx.fillText(n.text, px + 5, f.top + 4);
  }
}

function drawMoment(ctx: CanvasRenderingContext2D, f: Frame, step: number, color: string): void {
  const px = Math.round(xToPx(f, step)) + 0.5;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(px, f.top);
  ctx.lineTo(px, f.top + f.height);
  ctx.stroke();
}

function drawCursor(ctx: CanvasRenderingContext2D, f: Frame, c: NonNullable<CurvesPicture['cursor']>, color: string): void {
  const px = Math.round(xToPx(f, c.x)) + 0.5;
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(px, f.top);
  ctx.lineTo(px, f.top + f.height);
  ctx.stroke();
  ctx.globalAlpha = 1;
  for (const { trace, i } of c.points) {
    if (trace.look.mark === 'diamond') {
      diamond(ctx, f, trace, i, 1.4);
      continue;
    }
    ctx.fillStyle = trace.look.color;
    ctx.beginPath();
    ctx.arc(xToPx(f, trace.points.x[i]), yToPx(f, trace.points.y[i]), trace.look.width + 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
}
