import { describe, expect, it } from 'vitest';
import { PointGrid } from './pointGrid';

/** The nearest point by looking at every one: what the grid must agree with. */
function bruteNearest(xs: Float32Array, ys: Float32Array, ids: number[], x: number, y: number, max: number, w: number, h: number): number {
  let best = -1;
  let bestD = max;
  ids.forEach((i) => {
    if (!(xs[i] >= 0 && xs[i] <= w && ys[i] >= 0 && ys[i] <= h)) return;
    const d = Math.hypot(xs[i] - x, ys[i] - y);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

describe('PointGrid', () => {
  it('finds the nearest point within reach, and none beyond it', () => {
    const xs = Float32Array.from([10, 50, 52, 300]);
    const ys = Float32Array.from([10, 50, 58, 200]);
    const g = PointGrid.build(xs, ys, [0, 1, 2, 3], 320, 240, 20);
    expect(g.nearest(12, 11, 20)).toBe(0);
    expect(g.nearest(51, 53, 20)).toBe(1);
    expect(g.nearest(52, 57, 20)).toBe(2);
    expect(g.nearest(100, 100, 20)).toBe(-1);
    // 25 px away: out of hover reach (20), in click reach (24 → no, 25 > 24; 30 → yes).
    expect(g.nearest(300, 175, 24)).toBe(-1);
    expect(g.nearest(300, 175, 30)).toBe(3);
  });

  it('searches neighbouring cells: a point across a cell border beats one farther in the same cell', () => {
    const xs = Float32Array.from([21, 1]);
    const ys = Float32Array.from([10, 10]);
    const g = PointGrid.build(xs, ys, [0, 1], 100, 100, 20);
    expect(g.nearest(19, 10, 20)).toBe(0);
  });

  it('leaves out points not listed (hidden classes) or off the area (NaN, outside)', () => {
    const xs = Float32Array.from([10, 11, NaN, -5]);
    const ys = Float32Array.from([10, 10, 10, 10]);
    const g = PointGrid.build(xs, ys, [1, 2, 3], 100, 100, 20);
    expect(g.size).toBe(1);
    expect(g.nearest(10, 10, 20)).toBe(1);
    expect(g.nearest(-4, 10, 20)).toBe(1);
  });

  it('prefers the point drawn last (on top) when two coincide', () => {
    const xs = Float32Array.from([40, 40, 40]);
    const ys = Float32Array.from([40, 40, 40]);
    expect(PointGrid.build(xs, ys, [2, 0, 1], 100, 100, 20).nearest(41, 41, 20)).toBe(1);
    expect(PointGrid.build(xs, ys, [1, 0, 2], 100, 100, 20).nearest(41, 41, 20)).toBe(2);
  });

  it('agrees with a search of every point on random clouds', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const n = 2000;
    const xs = Float32Array.from({ length: n }, () => rand() * 440 - 10);
    const ys = Float32Array.from({ length: n }, () => rand() * 330 - 10);
    const ids = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    const g = PointGrid.build(xs, ys, ids, 420, 310, 20);
    for (let t = 0; t < 500; t++) {
      const x = rand() * 420;
      const y = rand() * 310;
      expect(g.nearest(x, y, 24)).toBe(bruteNearest(xs, ys, ids, x, y, 24, 420, 310));
    }
  });
});
