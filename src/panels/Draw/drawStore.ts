import { createStore } from 'zustand/vanilla';
import { Drawing, SIZE } from './drawing';
import { checkRect, regionMask, type PixelRect, type Region } from './mask';

export type Tool = 'pen' | 'eraser';

/** The drawing's settings; the strokes themselves live in `drawing`, outside React. */
export interface DrawState {
  /** Brush diameter in model pixels. */
  brush: number;
  tool: Tool;
  /** With a painted mask: whether strokes paint the mask rather than the digit. */
  paintMask: boolean;
  region: Region;
  /** The rectangle's fields as typed, so a half-typed value can be shown with its error. */
  rectText: Record<keyof PixelRect, string>;
  centre: boolean;
  /** Which test image the drawing started from, if any. */
  base: string | null;
  /** Mirrors drawing.version, so React re-renders what depends on the strokes (undo, previews). */
  version: number;
  canUndo: boolean;
}

export const drawing = new Drawing();

export const drawStore = createStore<DrawState>()(() => ({
  brush: 2.5,
  tool: 'pen',
  paintMask: false,
  region: 'left',
  rectText: { x0: '4', y0: '4', x1: '23', y1: '13' },
  centre: false,
  base: null,
  version: drawing.version,
  canUndo: drawing.canUndo,
}));

drawing.subscribe(() => drawStore.setState({ version: drawing.version, canUndo: drawing.canUndo }));

/** The rectangle as numbers, or the message naming the bad field. */
export function parsedRect(s: Pick<DrawState, 'rectText'>): ReturnType<typeof checkRect> {
  const t = s.rectText;
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return checkRect({ x0: num(t.x0), y0: num(t.y0), x1: num(t.x1), y1: num(t.y1) }, SIZE, SIZE);
}

/** The observed pixels for the current settings (an invalid rectangle observes nothing). */
export function currentMask(s: DrawState = drawStore.getState()): Uint8Array {
  const r = parsedRect(s);
  return regionMask(s.region, SIZE, SIZE, r.ok ? r.rect : undefined, drawing.paintedMask());
}

/** What the model is given: the drawing at SIZE×SIZE and its observed pixels. */
export function currentInput(s: DrawState = drawStore.getState()): { pixels: Float32Array; mask: Uint8Array } {
  return { pixels: drawing.modelInput(s.centre).data, mask: currentMask(s) };
}
