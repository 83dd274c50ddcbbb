/**
 * Small dense linear algebra on row-major arrays, for latent matrices of n rows and d ≤ 128
 * columns: everything goes through the d×d covariance or Gram matrix, so the cost is O(n·d² + d³)
 * and plain JS is fast enough. Float64 inside, so a 10,000-row sum loses nothing.
 */

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Unit eigenvectors as rows, in the order of `values`: vectors[k·d + i]. */
  vectors: Float64Array;
}

/** Column means of an n×d matrix. */
export function columnMeans(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j] += x[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  return mean;
}

/**
 * (X − 1·centerᵀ)ᵀ(X − 1·centerᵀ) / divisor, a d×d symmetric matrix. With center = the column
 * means and divisor = n it is the (population) covariance; with center = 0 and divisor = 1, the Gram matrix.
 */
export function scatterMatrix(x: ArrayLike<number>, n: number, d: number, center: ArrayLike<number> | null, divisor: number): Float64Array {
  const s = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) row[j] = x[r * d + j] - (center ? center[j] : 0);
    for (let i = 0; i < d; i++) {
      const a = row[i];
      if (a === 0) continue;
      for (let j = i; j < d; j++) s[i * d + j] += a * row[j];
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      s[i * d + j] /= divisor;
      s[j * d + i] = s[i * d + j];
    }
  }
  return s;
}

/**
 * Eigen-decomposition of a symmetric d×d matrix by cyclic Jacobi rotations: simple, stable, and
 * accurate to rounding for the small matrices here (a 128×128 one takes a few milliseconds).
 */
export function symmetricEigen(matrix: ArrayLike<number>, d: number): Eigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < d; i++) {
      diag += a[i * d + i] ** 2;
      for (let j = i + 1; j < d; j++) off += a[i * d + j] ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p];
          const akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k];
          const aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p];
          const vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => a[j * d + j] - a[i * d + i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((col, k) => {
    values[k] = a[col * d + col];
    for (let i = 0; i < d; i++) vectors[k * d + i] = v[i * d + col];
  });
  return { values, vectors };
}

/** Singular values of an n×d matrix (largest first), as square roots of its Gram matrix's eigenvalues. */
export function singularValues(x: ArrayLike<number>, n: number, d: number, center: ArrayLike<number> | null = null): Float64Array {
  const { values } = symmetricEigen(scatterMatrix(x, n, d, center, 1), d);
  return values.map((v) => Math.sqrt(Math.max(0, v)));
}

/** Each value's share of the sum of squares: the share of variance a singular value explains. */
export function shareOfSquares(values: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ** 2;
  return Float64Array.from(values, (v) => (total > 0 ? v ** 2 / total : 0));
}
