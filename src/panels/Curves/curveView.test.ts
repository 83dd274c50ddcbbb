import { describe, expect, it } from 'vitest';
import { fullView, nearestIndex, zoomedY } from './curveView';

describe('nearestIndex', () => {
  const xs = [0, 10, 20, 40];
  it('finds the nearest x on either side, ends included', () => {
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 4)).toBe(0);
    expect(nearestIndex(xs, 6)).toBe(1);
    expect(nearestIndex(xs, 29)).toBe(2);
    expect(nearestIndex(xs, 31)).toBe(3);
    expect(nearestIndex(xs, 400)).toBe(3);
    expect(nearestIndex([7], 0)).toBe(0);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('agrees with a linear scan on random data', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => i * 3 + (i % 2));
    for (let v = -10; v < 620; v += 7.3) {
      let best = 0;
      sorted.forEach((x, i) => {
        if (Math.abs(x - v) < Math.abs(sorted[best] - v)) best = i;
      });
      expect(Math.abs(sorted[nearestIndex(sorted, v)] - v)).toBe(Math.abs(sorted[best] - v));
    }
  });
});

describe('fullView', () => {
  it('starts both axes at zero and pads the top', () => {
    const v = fullView([{ x: [1, 2, 300], y: [540, 200, 105] }, { x: [1, 300], y: [20, 25] }]);
    expect(v.x).toEqual([0, 300]);
    expect(v.y[0]).toBe(0);
    expect(v.y[1]).toBeCloseTo(540 + 0.05 * 540, 9);
  });

  it('goes below zero for negative losses (densities of continuous likelihoods)', () => {
    const v = fullView([{ x: [1, 2], y: [-100, -2000] }]);
    expect(v.y[0]).toBeCloseTo(-2000 - 0.05 * 2000, 9);
    expect(v.y[1]).toBe(0);
  });

  it('has a unit view when nothing is drawn yet', () => {
    expect(fullView([{ x: [], y: [] }])).toEqual({ x: [0, 1], y: [0, 1] });
  });
});

describe('zoomedY', () => {
  it('fits only the points inside the step range', () => {
    const y = zoomedY([{ x: [1, 50, 60, 70, 500], y: [540, 108, 106, 107, 90] }], [40, 80]);
    expect(y[0]).toBeCloseTo(106 - 0.1, 9);
    expect(y[1]).toBeCloseTo(108 + 0.1, 9);
  });

  it('falls back to a unit range when no point is inside', () => {
    expect(zoomedY([{ x: [1], y: [5] }], [10, 20])).toEqual([0, 1]);
  });
});
