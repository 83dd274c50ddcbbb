import { describe, expect, it } from 'vitest';
import { interpolate, interpolationPath } from './interpolate';

const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
const angle = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.acos(Math.min(1, Array.from(a).reduce((s, x, i) => s + x * b[i], 0) / (norm(a) * norm(b))));

describe('interpolation', () => {
  const a = Float32Array.from([0.3, -1.7, 2.2, 0.05]);
  const b = Float32Array.from([-1.1, 0.4, 0.9, 1.3]);

  it('ends the path at the endpoints themselves, bit for bit, for both methods', () => {
    for (const method of ['linear', 'spherical'] as const) {
      const path = interpolationPath(a, b, 5, method);
      expect(path.length).toBe(7 * 4);
      expect(Array.from(path.subarray(0, 4))).toEqual(Array.from(a));
      expect(Array.from(path.subarray(24, 28))).toEqual(Array.from(b));
    }
  });

  it('linear: equal steps along the chord', () => {
    const path = interpolationPath(a, b, 3, 'linear');
    for (let i = 0; i < 4; i++) expect(path[2 * 4 + i]).toBeCloseTo((a[i] + b[i]) / 2, 6);
  });

  it('spherical: length goes linearly from |a| to |b| and the direction turns at a constant rate', () => {
    const omega = angle(a, b);
    for (const t of [0.1, 0.25, 0.5, 0.8]) {
      const z = interpolate(a, b, t, 'spherical');
      expect(norm(z)).toBeCloseTo((1 - t) * norm(a) + t * norm(b), 10);
      expect(angle(a, z)).toBeCloseTo(t * omega, 8);
      expect(angle(z, b)).toBeCloseTo((1 - t) * omega, 8);
    }
  });

  it('spherical: codes of equal length stay on their sphere, unlike the chord', () => {
    const u = [3, 0, 0];
    const v = [0, 3, 0];
    for (const t of [0.2, 0.5, 0.9]) expect(norm(interpolate(u, v, t, 'spherical'))).toBeCloseTo(3, 12);
    expect(norm(interpolate(u, v, 0.5, 'linear'))).toBeCloseTo(3 / Math.SQRT2, 12);
  });

  it('falls back to the chord for parallel codes and the zero code', () => {
    expect(Array.from(interpolate([1, 1], [2, 2], 0.5, 'spherical'))).toEqual([1.5, 1.5]);
    expect(Array.from(interpolate([0, 0], [2, 4], 0.25, 'spherical'))).toEqual([0.5, 1]);
  });
});
