import { describe, expect, it } from 'vitest';
import { extent, fitRanges, nextRange } from './range';

describe('scatter axis ranges', () => {
  it('reads one coordinate of interleaved points', () => {
    expect(extent([0, 5, -2, 7, 3, 1], 3, 0, 2)).toEqual([-2, 3]);
    expect(extent([0, 5, -2, 7, 3, 1], 3, 1, 2)).toEqual([1, 7]);
    expect(extent([], 0, 0, 2)).toEqual([-1, 1]);
  });

  it('keeps the range while the data fits it snugly, and moves it when not', () => {
    const r = nextRange(null, [0, 10]);
    expect(r).toEqual([-1, 11]);
    expect(nextRange(r, [0.5, 9])).toBe(r);
    const grown = nextRange(r, [0, 12]);
    expect(grown[0]).toBeCloseTo(-1.2, 12);
    expect(grown[1]).toBeCloseTo(13.2, 12);
    // The codes shrank to under half the range: zoom in.
    const shrunk = nextRange(r, [2, 6]);
    expect(shrunk[0]).toBeCloseTo(1.6, 12);
    expect(shrunk[1]).toBeCloseTo(6.4, 12);
  });

  it('fits both axes of interleaved points, keeping the previous ranges while they fit', () => {
    const first = fitRanges([0, -1, 10, 1], 2, null);
    expect(first.x).toEqual([-1, 11]);
    expect(first.y[0]).toBeCloseTo(-1.2, 12);
    const next = fitRanges([1, -0.5, 9, 0.9], 2, first);
    expect(next.x).toBe(first.x);
    expect(next.y).toBe(first.y);
  });
});
