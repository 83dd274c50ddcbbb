import { describe, expect, it } from 'vitest';
import { isDoubleTap, isDrag } from './gesture';

describe('taps and drags', () => {
  it('calls a press that moved a few pixels a tap, more a drag', () => {
    expect(isDrag({ x0: 10, y0: 10, x1: 13, y1: 12 })).toBe(false);
    expect(isDrag({ x0: 10, y0: 10, x1: 16, y1: 10 })).toBe(true);
  });

  it('knows a double tap: quick and in the same place', () => {
    const first = { t: 1000, x: 50, y: 50 };
    expect(isDoubleTap(null, first)).toBe(false);
    expect(isDoubleTap(first, { t: 1250, x: 53, y: 48 })).toBe(true);
    expect(isDoubleTap(first, { t: 1600, x: 50, y: 50 })).toBe(false);
    expect(isDoubleTap(first, { t: 1100, x: 80, y: 50 })).toBe(false);
  });
});
