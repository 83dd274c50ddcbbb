import { createStore } from 'zustand/vanilla';
import type { PixelRect, Region } from '../panels/Draw/mask';

export type Tool = 'pen' | 'eraser';

/** The drawing's settings; the strokes themselves live in panels/Draw's `drawing`, outside React. */
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

export const drawStore = createStore<DrawState>()(() => ({
  brush: 2.5,
  tool: 'pen',
  paintMask: false,
  region: 'left',
  rectText: { x0: '4', y0: '4', x1: '23', y1: '13' },
  centre: false,
  base: null,
  version: 0,
  canUndo: false,
}));
