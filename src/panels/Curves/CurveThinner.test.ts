import { describe, expect, it } from 'vitest';
import { CurveThinner } from './CurveThinner';

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

describe('CurveThinner', () => {
  it('appends raw points while under the cap', () => {
    const t = new CurveThinner(10);
    expect(t.push([1, 2, 3], [5, 6, 7])).toEqual({ kind: 'append', x: [1, 2, 3], y: [5, 6, 7] });
    expect(t.push([4], [8])).toEqual({ kind: 'append', x: [4], y: [8] });
    expect(t.stride).toBe(1);
  });

  it('never draws more than the cap, and each drawn point is the mean of `stride` raw points at the last one\'s step', () => {
    const t = new CurveThinner(8);
    const raw = range(1000);
    // Fed in uneven batches, as flushes arrive.
    let at = 0;
    for (const n of [3, 50, 1, 400, 7, 539]) {
      const u = t.push(raw.slice(at, at + n), raw.slice(at, at + n).map((v) => 2 * v));
      at += n;
      expect(u.kind === 'redraw' ? u.x.length : t.drawn.x.length).toBeLessThanOrEqual(8);
    }
    const { x, y } = t.drawn;
    expect(x.length).toBeGreaterThan(8 / 2 - 1);
    x.forEach((step, i) => {
      // Bucket i covers raw points [i·s, (i+1)·s): its step is the last, its value the mean of 2v.
      expect(step).toBe((i + 1) * t.stride - 1);
      expect(y[i]).toBeCloseTo(2 * (i * t.stride + (t.stride - 1) / 2), 9);
    });
  });

  it('asks for a redraw when it thins, with the whole trace', () => {
    const t = new CurveThinner(4);
    t.push(range(4), range(4));
    const u = t.push([4], [4]);
    expect(u.kind).toBe('redraw');
    // Five points → pairs (0,1), (2,3); point 4 waits in the open bucket of stride 2.
    expect(u).toEqual({ kind: 'redraw', x: [1, 3], y: [0.5, 2.5] });
    expect(t.push([5], [5])).toEqual({ kind: 'append', x: [5], y: [4.5] });
  });

  it('starts afresh after clear', () => {
    const t = new CurveThinner(4);
    t.push(range(20), range(20));
    t.clear();
    expect(t.stride).toBe(1);
    expect(t.push([7], [1])).toEqual({ kind: 'append', x: [7], y: [1] });
  });
});
