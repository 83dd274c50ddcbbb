/** Small dense linear algebra on row-major Float64Arrays, enough for Gaussian densities. */

/**
 * Cholesky factor L (lower, row-major d×d) of a symmetric positive-definite matrix, so A = L·Lᵀ.
 * Only the lower triangle of `a` is read. Throws when A is not positive definite.
 */
export function cholesky(a: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let p = 0; p < j; p++) s -= L[i * d + p] * L[j * d + p];
      if (i === j) {
        if (!(s > 0)) throw new Error(`covariance is not positive definite (pivot ${i} is ${s})`);
        L[i * d + i] = Math.sqrt(s);
      } else {
        L[i * d + j] = s / L[j * d + j];
      }
    }
  }
  return L;
}

/** log det(L·Lᵀ) = 2 Σ log L_ii. */
export function cholLogDet(L: Float64Array, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += Math.log(L[i * d + i]);
  return 2 * s;
}

/**
 * |L⁻¹ v|², the squared Mahalanobis length of v under Σ = L·Lᵀ, by forward substitution.
 * `y` is scratch space of length d; `v` is read from `src` at `offset`, minus `mean`.
 */
export function mahalanobisSq(L: Float64Array, d: number, src: Float64Array, offset: number, mean: Float64Array, meanOffset: number, y: Float64Array): number {
  let q = 0;
  for (let i = 0; i < d; i++) {
    let s = src[offset + i] - mean[meanOffset + i];
    const row = i * d;
    for (let p = 0; p < i; p++) s -= L[row + p] * y[p];
    const yi = s / L[row + i];
    y[i] = yi;
    q += yi * yi;
  }
  return q;
}
