import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { scatterMatrix, shareOfSquares, singularValues, symmetricEigen } from './linalg';
import { pca, project } from './pca';

/** A standard normal draw (Box–Muller) from a seeded uniform. */
function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** A random d×d orthonormal basis (rows), by Gram–Schmidt on Gaussian vectors. */
function randomBasis(d: number, rand: () => number): number[][] {
  const basis: number[][] = [];
  while (basis.length < d) {
    const v = Array.from({ length: d }, () => gaussian(rand));
    for (const b of basis) {
      const dot = v.reduce((s, x, i) => s + x * b[i], 0);
      for (let i = 0; i < d; i++) v[i] -= dot * b[i];
    }
    const n = Math.hypot(...v);
    basis.push(v.map((x) => x / n));
  }
  return basis;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);

describe('PCA', () => {
  it('recovers known principal axes (up to sign) and their shares of the variance', () => {
    const rand = mulberry32(11);
    const d = 6;
    const n = 20_000;
    const sd = [3, 2, 1, 0.5, 0.2, 0.1];
    const basis = randomBasis(d, rand);
    const offset = [5, -3, 2, 0, 1, 7];
    const x = new Float32Array(n * d);
    for (let r = 0; r < n; r++) {
      const coef = sd.map((s) => s * gaussian(rand));
      for (let i = 0; i < d; i++) x[r * d + i] = offset[i] + coef.reduce((s, c, k) => s + c * basis[k][i], 0);
    }
    const p = pca(x, n, d, 2);
    const comp = (c: number) => p.components.subarray(c * d, (c + 1) * d);
    expect(Math.abs(dot(comp(0), basis[0]))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(comp(1), basis[1]))).toBeGreaterThan(0.999);
    expect(dot(comp(0), comp(1))).toBeCloseTo(0, 10);
    const total = sd.reduce((s, v) => s + v * v, 0);
    expect(p.explained[0]).toBeCloseTo(9 / total, 2);
    expect(p.explained[1]).toBeCloseTo(4 / total, 2);
    for (let i = 0; i < d; i++) expect(p.mean[i]).toBeCloseTo(offset[i], 1);
    // The projection's variance along axis 1 is that axis's variance.
    const pts = project(x, n, d, p, 2);
    let v0 = 0;
    for (let r = 0; r < n; r++) v0 += pts[2 * r] ** 2;
    expect(v0 / n).toBeCloseTo(p.variances[0], 3);
  });

  it('keeps the direction of the previous axes, and otherwise makes the largest entry positive', () => {
    // Points on a line along (−0.6, −0.8) with a little spread across it.
    const n = 100;
    const x = new Float32Array(n * 2);
    for (let r = 0; r < n; r++) {
      // Pairs at ±0.1 across the line: no correlation between the along and across parts.
      const t = Math.floor(r / 2) - 25;
      const s = r % 2 ? 0.1 : -0.1;
      x[2 * r] = -0.6 * t + 0.8 * s;
      x[2 * r + 1] = -0.8 * t - 0.6 * s;
    }
    const fresh = pca(x, n, 2, 1);
    expect(fresh.components[0]).toBeCloseTo(0.6, 6);
    expect(fresh.components[1]).toBeCloseTo(0.8, 6);
    const kept = pca(x, n, 2, 1, [-0.6, -0.8]);
    expect(kept.components[0]).toBeCloseTo(-0.6, 6);
    expect(kept.components[1]).toBeCloseTo(-0.8, 6);
  });
});

describe('eigen-decomposition and singular values', () => {
  it('diagonalises a symmetric matrix: A·v = λ·v, eigenvalues sorted', () => {
    const a = [4, 1, 2, 1, 3, 0, 2, 0, 1];
    const { values, vectors } = symmetricEigen(a, 3);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
    expect(values[0] + values[1] + values[2]).toBeCloseTo(8, 10);
    for (let k = 0; k < 3; k++) {
      const v = vectors.subarray(3 * k, 3 * k + 3);
      for (let i = 0; i < 3; i++) expect(a[3 * i] * v[0] + a[3 * i + 1] * v[1] + a[3 * i + 2] * v[2]).toBeCloseTo(values[k] * v[i], 10);
    }
  });

  it('gives the singular values of U·diag(s)·Vᵀ, and their shares of the squares', () => {
    const rand = mulberry32(3);
    const u = randomBasis(4, rand);
    const v = randomBasis(3, rand);
    const s = [5, 2, 0.5];
    // X (4×3) = Σ_k s_k u_k v_kᵀ.
    const x = new Float64Array(12);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) x[i * 3 + j] += s[k] * u[k][i] * v[k][j];
    const sv = singularValues(x, 4, 3);
    s.forEach((want, k) => expect(sv[k]).toBeCloseTo(want, 8));
    const share = shareOfSquares(sv);
    expect(share[0]).toBeCloseTo(25 / 29.25, 8);
    expect(share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('covariance and Gram matrices of a tiny matrix match by hand', () => {
    const x = [1, 2, 3, 6];
    expect(Array.from(scatterMatrix(x, 2, 2, null, 1))).toEqual([10, 20, 20, 40]);
    expect(Array.from(scatterMatrix(x, 2, 2, [2, 4], 2))).toEqual([1, 2, 2, 4]);
  });
});
