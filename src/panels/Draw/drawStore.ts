import { drawStore, type DrawState, type Tool } from '../../store/draw';
import { Drawing, SIZE } from './drawing';
import { checkRect, regionMask } from './mask';

export { drawStore, type DrawState, type Tool };

export const drawing = new Drawing();

// The strokes live outside React; the store mirrors what a render needs of them.
drawStore.setState({ version: drawing.version, canUndo: drawing.canUndo });
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
