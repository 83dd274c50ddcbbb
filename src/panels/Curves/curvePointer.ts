import { inside, pxToX, type Frame, type Span } from '../../ui/chart/frame';
import { attachPointer } from '../../ui/chart/pointer';
import { nearestIndex } from './curveView';

/** A drag narrower than this (CSS px) along the steps zooms nothing. */
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
 * Hover shows the values at a step; dragging along x zooms to those steps, a double click (or
 * tap) zooms out; on the focused chart the arrow keys (Home, End) walk the steps and Escape leaves.
 */
export function attachCurvePointer(c: CursorTarget): () => void {
  const canvas = c.canvas;
  // The band runs along x only, clipped to the plotting area.
  const span = (x0: number, x1: number, f: Frame): [number, number] => [x0, Math.min(Math.max(x1, f.left), f.left + f.width)];
  const offPointer = attachPointer(canvas, {
    canDrag: (x, y) => !!c.frame && inside(c.frame, x, y),
    hover: (x, y) => c.setCursor(c.frame && inside(c.frame, x, y) ? pxToX(c.frame, x) : null),
    leave: () => c.setCursor(null),
    tap: () => undefined,
    doubleTap: () => c.setZoom(null),
    band: (b) => {
      const f = c.frame;
      c.band = b && f && Math.abs(b.x1 - b.x0) >= MIN_DRAG_PX ? span(b.x0, b.x1, f) : null;
      c.requestPaint();
    },
    zoom: (b) => {
      const f = c.frame;
      if (!f || Math.abs(b.x1 - b.x0) < MIN_DRAG_PX) return;
      const [x0, x1] = span(b.x0, b.x1, f);
      const a = pxToX(f, Math.min(x0, x1));
      const z = pxToX(f, Math.max(x0, x1));
      if (z > a) c.setZoom([a, z]);
    },
  });
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
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('blur', onBlur);
  return () => {
    offPointer();
    canvas.removeEventListener('keydown', onKey);
    canvas.removeEventListener('blur', onBlur);
  };
}
