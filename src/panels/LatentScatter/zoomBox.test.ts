import { describe, expect, it } from 'vitest';
import type { Frame } from '../../ui/chart/frame';
import { clipBox, zoomRanges } from './zoomBox';

// 200 × 100 pixels showing x ∈ [0, 20], y ∈ [-5, 5].
const f: Frame = { left: 50, top: 10, width: 200, height: 100, x: [0, 20], y: [-5, 5] };

describe('zoom box', () => {
  it('turns a dragged box into the data ranges under it, whichever way it was dragged', () => {
    const r = zoomRanges(f, { x0: 150, y0: 60, x1: 70, y1: 20 });
    expect(r?.x[0]).toBeCloseTo(2, 12);
    expect(r?.x[1]).toBeCloseTo(10, 12);
    // Pixel rows 20..60 are y from 4 down to 0.
    expect(r?.y[0]).toBeCloseTo(0, 12);
    expect(r?.y[1]).toBeCloseTo(4, 12);
  });

  it('zooms only one axis for a thin box, and not at all for a tiny one', () => {
    const across = zoomRanges(f, { x0: 70, y0: 40, x1: 150, y1: 43 });
    expect(across?.y).toEqual([-5, 5]);
    expect(across?.x[1]).toBeCloseTo(10, 12);
    const up = zoomRanges(f, { x0: 100, y0: 20, x1: 102, y1: 60 });
    expect(up?.x).toEqual([0, 20]);
    expect(up?.y[1]).toBeCloseTo(4, 12);
    expect(zoomRanges(f, { x0: 100, y0: 20, x1: 105, y1: 25 })).toBeNull();
  });

  it('clips a box dragged past the plotting area to its edges', () => {
    expect(clipBox(f, { x0: 0, y0: 500, x1: 100, y1: 30 })).toEqual({ x0: 50, x1: 100, y0: 30, y1: 110 });
    const r = zoomRanges(f, { x0: 0, y0: 500, x1: 100, y1: 30 });
    expect(r?.x[0]).toBeCloseTo(0, 12);
    expect(r?.y[0]).toBeCloseTo(-5, 12);
  });
});
