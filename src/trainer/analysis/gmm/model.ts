import { cholLogDet, mahalanobisSq } from './linalg';

export type CovarianceType = 'diag' | 'full';

/** A fitted Gaussian mixture. Row-major Float64Arrays throughout. */
export interface Gmm {
  k: number;
  d: number;
  covariance: CovarianceType;
  /** Mixing weights, summing to 1: [k]. */
  weights: Float64Array;
  /** [k, d]. */
  means: Float64Array;
  /** diag: the variances [k, d]; full: lower Cholesky factors L of the covariances (Σ = L·Lᵀ), [k, d, d]. */
  scale: Float64Array;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** What every density evaluation of one set of parameters shares, computed once per E-step. */
export interface Prepared {
  /** log w_c − ½(d·log 2π + log det Σ_c): the part of log w_c·N(x; μ_c, Σ_c) free of x. */
  consts: Float64Array;
  /** diag: 1/variance, [k, d]. */
  invVar: Float64Array | null;
  /** full: each component's Cholesky factor, as views (no copy). */
  chol: Float64Array[];
}

export function prepare(g: Gmm): Prepared {
  const { k, d } = g;
  const consts = new Float64Array(k);
  const chol: Float64Array[] = [];
  const invVar = g.covariance === 'diag' ? g.scale.map((v) => 1 / v) : null;
  for (let c = 0; c < k; c++) {
    let logDet = 0;
    if (g.covariance === 'diag') for (let j = 0; j < d; j++) logDet += Math.log(g.scale[c * d + j]);
    else {
      chol.push(g.scale.subarray(c * d * d, (c + 1) * d * d));
      logDet = cholLogDet(chol[c], d);
    }
    consts[c] = Math.log(g.weights[c]) - 0.5 * (d * LOG_2PI + logDet);
  }
  return { consts, invVar, chol };
}

/**
 * Fills `logp` ([k]) with log w_c·N(x_i; μ_c, Σ_c) for point i of `x` ([n, d]).
 * `scratch` is length d.
 */
export function pointLogJoint(g: Gmm, p: Prepared, x: Float64Array, i: number, logp: Float64Array, scratch: Float64Array): void {
  const { k, d, means } = g;
  const off = i * d;
  for (let c = 0; c < k; c++) {
    let q = 0;
    if (p.invVar) {
      const inv = p.invVar;
      for (let j = 0; j < d; j++) {
        const t = x[off + j] - means[c * d + j];
        q += t * t * inv[c * d + j];
      }
    } else {
      q = mahalanobisSq(p.chol[c], d, x, off, means, c * d, scratch);
    }
    logp[c] = p.consts[c] - 0.5 * q;
  }
}

/** log Σ exp(v), stable for large magnitudes. */
export function logSumExp(v: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - m);
  return m + Math.log(s);
}
