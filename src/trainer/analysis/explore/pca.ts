import { columnMeans, scatterMatrix, symmetricEigen } from './linalg';

export interface Pca {
  mean: Float64Array;
  /** The first k principal axes as unit rows: components[c·d + i]. */
  components: Float64Array;
  /** Variance along each of the k axes. */
  variances: Float64Array;
  /** Each axis's share of the total variance, 0..1. */
  explained: Float64Array;
}

/**
 * The first k principal components of an n×d matrix, from the eigenvectors of its d×d covariance.
 * When `previous` axes are given, each new axis is flipped to point the same way, so a plot
 * refreshed while the model trains does not mirror itself at random.
 */
export function pca(x: ArrayLike<number>, n: number, d: number, k: number, previous?: ArrayLike<number> | null): Pca {
  const mean = columnMeans(x, n, d);
  const { values, vectors } = symmetricEigen(scatterMatrix(x, n, d, mean, Math.max(1, n)), d);
  let total = 0;
  for (const v of values) total += Math.max(0, v);
  const components = vectors.slice(0, k * d);
  for (let c = 0; c < k; c++) {
    let dot = 0;
    let largest = 0;
    for (let i = 0; i < d; i++) {
      const w = components[c * d + i];
      if (previous && previous.length === k * d) dot += w * previous[c * d + i];
      else if (Math.abs(w) > Math.abs(largest)) largest = w;
    }
    // Without history, the convention is that each axis's largest entry is positive.
    if (dot < 0 || (!previous && largest < 0)) for (let i = 0; i < d; i++) components[c * d + i] = -components[c * d + i];
  }
  const variances = values.slice(0, k).map((v) => Math.max(0, v));
  const explained = variances.map((v) => (total > 0 ? v / total : 0));
  return { mean, components, variances, explained };
}

/** Coordinates of each row of x along the k axes: (x − mean)·componentsᵀ, an n×k matrix. */
export function project(x: ArrayLike<number>, n: number, d: number, p: Pca, k: number): Float32Array {
  const out = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += (x[r * d + i] - p.mean[i]) * p.components[c * d + i];
      out[r * k + c] = s;
    }
  }
  return out;
}

