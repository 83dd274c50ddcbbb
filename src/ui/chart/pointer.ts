import { isDoubleTap, isDrag, type Box, type Tap } from './gesture';

/** What the pointer did over the canvas, in canvas (CSS) pixels. */
export interface PointerGestures {
  /** Whether a press here may start a zoom box (inside the plotting area). */
  canDrag(x: number, y: number): boolean;
  hover(x: number, y: number): void;
  leave(): void;
  tap(x: number, y: number): void;
  doubleTap(): void;
  /** The box while it is dragged; null when the drag ends. */
  band(b: Box | null): void;
  zoom(b: Box): void;
}

/**
 * Mouse, pen and touch alike through pointer events: a press and release that barely moved is a
 * tap (a click), a longer move with the press held drags a zoom box, and two quick taps reset.
 * Returns a function that detaches the listeners.
 */
export function attachPointer(el: HTMLElement, g: PointerGestures): () => void {
  let box: Box | null = null;
  let dragging = false;
  let pointer = -1;
  let lastTap: Tap | null = null;
  const at = (e: PointerEvent) => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const end = () => {
    if (dragging) g.band(null);
    box = null;
    dragging = false;
    pointer = -1;
  };
  const down = (e: PointerEvent) => {
    if (pointer >= 0 || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const p = at(e);
    pointer = e.pointerId;
    box = { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
    el.setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent) => {
    const p = at(e);
    if (!box || e.pointerId !== pointer) {
      if (e.pointerType !== 'touch') g.hover(p.x, p.y);
      return;
    }
    box.x1 = p.x;
    box.y1 = p.y;
    if (!dragging && isDrag(box) && g.canDrag(box.x0, box.y0)) {
      dragging = true;
      g.leave();
    }
    if (dragging) g.band({ ...box });
  };
  const up = (e: PointerEvent) => {
    if (!box || e.pointerId !== pointer) return;
    const b = box;
    const wasDrag = dragging;
    end();
    if (wasDrag) return g.zoom(b);
    const tap = { t: e.timeStamp, x: b.x0, y: b.y0 };
    g.tap(tap.x, tap.y);
    if (isDoubleTap(lastTap, tap)) {
      lastTap = null;
      g.doubleTap();
    } else lastTap = tap;
  };
  const cancel = (e: PointerEvent) => {
    if (e.pointerId === pointer) end();
  };
  const leave = () => {
    if (!box) g.leave();
  };
  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', cancel);
  el.addEventListener('pointerleave', leave);
  return () => {
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', cancel);
    el.removeEventListener('pointerleave', leave);
  };
}
