import { describe, expect, it } from 'vitest';
import { avgPool, upsampleToBytes } from './pixels';
import { cholesky, cholLogDet, mahalanobisSq } from './linalg';
import { nmi } from './nmi';
import { mulberry32 } from '../../random';

describe('nmi', () => {
  const labels = Array.from({ length: 1000 }, (_, i) => i % 10);
  it('is 1 for identical labelings and for a renaming of the labels', () => {
    expect(nmi(labels, labels)).toBeCloseTo(1, 12);
    expect(nmi(labels, labels.map((l) => (l * 7 + 3) % 10 + 100))).toBeCloseTo(1, 12);
  });
  it('is near 0 for independent labelings', () => {
    const r = mulberry32(1);
    const a = Array.from({ length: 20000 }, () => Math.floor(r() * 10));
    const b = Array.from({ length: 20000 }, () => Math.floor(r() * 10));
    expect(nmi(a, b)).toBeLessThan(0.005);
  });
  it('matches a hand-computed value', () => {
    // A = [0,0,1,1], B = [0,0,0,1]: I = 1.5·ln2 − (3/4)ln3 + ... computed in closed form below.
    const a = [0, 0, 1, 1];
    const b = [0, 0, 0, 1];
    const ha = Math.log(2);
    const hb = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const mi = 0.5 * Math.log(0.5 / (0.5 * 0.75)) + 0.25 * Math.log(0.25 / (0.5 * 0.75)) + 0.25 * Math.log(0.25 / (0.5 * 0.25));
    expect(nmi(a, b)).toBeCloseTo(mi / ((ha + hb) / 2), 12);
  });
});

describe('linear algebra', () => {
  it('Cholesky reproduces A, its log-determinant and the Mahalanobis length', () => {
    const A = Float64Array.from([4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2]);
    const L = cholesky(A, 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let p = 0; p < 3; p++) s += L[i * 3 + p] * L[j * 3 + p];
      expect(s).toBeCloseTo(A[i * 3 + j], 12);
    }
    // det by cofactors.
    const det = 4 * (3 * 2 - 0.25) - 2 * (2 * 2 - 0.5 * 0.4) + 0.4 * (2 * 0.5 - 3 * 0.4);
    expect(cholLogDet(L, 3)).toBeCloseTo(Math.log(det), 12);
    // v = A·u ⇒ vᵀA⁻¹v = uᵀAu.
    const u = [1, -2, 0.5];
    const v = Float64Array.from([0, 1, 2].map((i) => A[i * 3] * u[0] + A[i * 3 + 1] * u[1] + A[i * 3 + 2] * u[2]));
    const uAu = v[0] * u[0] + v[1] * u[1] + v[2] * u[2];
    expect(mahalanobisSq(L, 3, v, 0, new Float64Array(3), 0, new Float64Array(3))).toBeCloseTo(uAu, 10);
  });
  it('refuses a matrix that is not positive definite', () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});

describe('pixels', () => {
  it('average-pools and upsamples back', () => {
    const img = Uint8Array.from([0, 255, 0, 0, 255, 255, 0, 0, 51, 51, 0, 0, 51, 51, 0, 0]);
    const { x, shape } = avgPool(img, 1, [4, 4, 1], 2);
    expect(shape).toEqual([2, 2, 1]);
    expect(Array.from(x)).toEqual([0.75, 0, 0.2, 0]);
    const up = upsampleToBytes(x, 1, shape, 2);
    expect(Array.from(up.slice(0, 4))).toEqual([191, 191, 0, 0]);
    expect(up.length).toBe(16);
  });
});
