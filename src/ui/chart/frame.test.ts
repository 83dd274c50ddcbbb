import { describe, expect, it } from 'vitest';
import { inside, pxToX, pxToY, xToPx, yToPx, type Frame } from './frame';

const f: Frame = { left: 50, top: 10, width: 200, height: 100, x: [0, 1000], y: [-5, 5] };

describe('frame', () => {
  it('maps data to pixels with y growing upwards', () => {
    expect(xToPx(f, 0)).toBe(50);
    expect(xToPx(f, 1000)).toBe(250);
    expect(yToPx(f, -5)).toBe(110);
    expect(yToPx(f, 5)).toBe(10);
    expect(yToPx(f, 0)).toBe(60);
  });

  it('inverts its own mapping', () => {
    for (const v of [-3, 0, 2.5]) expect(pxToY(f, yToPx(f, v))).toBeCloseTo(v, 12);
    for (const v of [17, 500, 999]) expect(pxToX(f, xToPx(f, v))).toBeCloseTo(v, 12);
  });

  it('knows its own area', () => {
    expect(inside(f, 50, 10)).toBe(true);
    expect(inside(f, 49, 50)).toBe(false);
    expect(inside(f, 100, 111)).toBe(false);
  });
});
