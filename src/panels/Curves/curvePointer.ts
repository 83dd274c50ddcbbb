import { inside, pxToX, type Frame, type Span } from '../../ui/chart/frame';
import { nearestIndex } from './curveView';

/** A drag shorter than this (CSS px) is a click, not a zoom. */
const MIN_DRAG_PX = 6;

/** The parts of the loss chart its pointer and keyboard handling drive. */
export interface CursorTarget {
  readonly canvas: HTMLCanvasElement;
  frame: Frame | null;
  cursor: number | null;
  band: [number, number] | null;
  setZoom(zoom: Span | null): void;
  setCursor(x: number | null, say?: boolean): void;
  cursorSteps(): readonly number[];
  requestPaint(): void;
}

/**
 * Hover shows the values at a step; dragging along x zooms to those steps, double-click zooms
 * out; on the focused chart the arrow keys (Home, End) walk the steps and Escape leaves.
 */
export function attachCurvePointer(c: CursorTarget): () => void {
  const canvas = c.canvas;
  let dragFrom: number | null = null;
  const local = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onDown = (e: PointerEvent) => {
    const p = local(e);
    if (e.button !== 0 || !c.frame || !inside(c.frame, p.x, p.y)) return;
    dragFrom = p.x;
    canvas.setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    const f = c.frame;
    if (!f) return;
    if (dragFrom !== null) {
      const to = Math.min(Math.max(p.x, f.left), f.left + f.width);
      c.band = Math.abs(to - dragFrom) >= MIN_DRAG_PX ? [dragFrom, to] : null;
      c.requestPaint();
      return;
    }
    c.setCursor(inside(f, p.x, p.y) ? pxToX(f, p.x) : null);
  };
  const onUp = () => {
    const band = c.band;
    const f = c.frame;
    dragFrom = null;
    c.band = null;
    if (band && f) {
      const a = pxToX(f, Math.min(...band));
      const b = pxToX(f, Math.max(...band));
      if (b > a) c.setZoom([a, b]);
    }
    c.requestPaint();
  };
  const onLeave = () => {
    if (dragFrom === null) c.setCursor(null);
  };
  const onDouble = () => c.setZoom(null);
  const onKey = (e: KeyboardEvent) => {
    const steps = c.cursorSteps();
    if (e.key === 'Escape') {
      c.setCursor(null);
      return;
    }
    if (!steps.length || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const at = c.cursor === null ? (e.key === 'ArrowLeft' ? steps.length : -1) : nearestIndex(steps, c.cursor);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? steps.length - 1 : at + (e.key === 'ArrowLeft' ? -1 : 1);
    c.setCursor(steps[Math.min(Math.max(next, 0), steps.length - 1)], true);
  };
  const onBlur = () => c.setCursor(null);
  const listeners: [string, EventListener][] = [
    ['pointerdown', onDown as EventListener],
    ['pointermove', onMove as EventListener],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['pointerleave', onLeave],
    ['dblclick', onDouble],
    ['keydown', onKey as EventListener],
    ['blur', onBlur],
  ];
  for (const [type, fn] of listeners) canvas.addEventListener(type, fn);
  return () => {
    for (const [type, fn] of listeners) canvas.removeEventListener(type, fn);
  };
}
