import { kmeansPlusPlus, hardAssign } from './kmeanspp';
import { cholesky } from './linalg';
import { logSumExp, pointLogJoint, prepare, type CovarianceType, type Gmm } from './model';
import { seededRng } from './random';

export interface EmOptions {
  components: number;
  covariance: CovarianceType;
  /** Stop when the mean log-likelihood per point changes by less than this between iterations. */
  tol: number;
  maxIter: number;
  seed: number;
  /** Added to every variance (the diagonal of every covariance) so no component collapses onto a point. */
  reg: number;
}

export interface EmHooks {
  /** After each E-step: iteration (1-based) and the mean log-likelihood per point it measured. */
  iteration?(iteration: number, logLikelihood: number): void;
  /** Called between blocks of points, so a long fit yields and can be cancelled. */
  checkpoint?(): Promise<void>;
}

export interface EmResult {
  gmm: Gmm;
  /** Mean log-likelihood per point at each iteration; EM never lets it fall. */
  logLikelihood: number[];
  iterations: number;
  converged: boolean;
  /** Most responsible component of each point, under the returned gmm. */
  labels: Int32Array;
}

/** Keeps an empty component's count off zero (sklearn's 10·ε). */
const TINY = 10 * Number.EPSILON;
/** Responsibilities this small add nothing a double can hold next to the rest. */
const NEGLIGIBLE = 1e-12;
/** Roughly this many multiply-adds between checkpoints. */
const WORK_PER_BLOCK = 2e7;

/** The M-step: weights, means and (co)variances from responsibilities resp [n, k]. */
export function mStep(x: Float64Array, n: number, d: number, resp: Float64Array, k: number, covariance: CovarianceType, reg: number): Gmm {
  const nk = new Float64Array(k).fill(TINY);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c];
      if (r < NEGLIGIBLE) continue;
      nk[c] += r;
      for (let j = 0; j < d; j++) means[c * d + j] += r * x[i * d + j];
    }
  }
  let total = 0;
  for (let c = 0; c < k; c++) total += nk[c];
  const weights = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    weights[c] = nk[c] / total;
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
  }
  const scale = covariance === 'diag' ? diagVariances(x, n, d, resp, k, nk, means, reg) : fullCholeskys(x, n, d, resp, k, nk, means, reg);
  return { k, d, covariance, weights, means, scale };
}

function diagVariances(x: Float64Array, n: number, d: number, resp: Float64Array, k: number, nk: Float64Array, means: Float64Array, reg: number): Float64Array {
  const v = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c];
      if (r < NEGLIGIBLE) continue;
      for (let j = 0; j < d; j++) {
        const t = x[i * d + j] - means[c * d + j];
        v[c * d + j] += r * t * t;
      }
    }
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) v[c * d + j] = v[c * d + j] / nk[c] + reg;
  return v;
}

function fullCholeskys(x: Float64Array, n: number, d: number, resp: Float64Array, k: number, nk: Float64Array, means: Float64Array, reg: number): Float64Array {
  const out = new Float64Array(k * d * d);
  const diff = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const cov = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const r = resp[i * k + c];
      if (r < NEGLIGIBLE) continue;
      for (let j = 0; j < d; j++) diff[j] = x[i * d + j] - means[c * d + j];
      // Lower triangle only: cholesky reads nothing else.
      for (let a = 0; a < d; a++) {
        const ra = r * diff[a];
        const row = a * d;
        for (let b = 0; b <= a; b++) cov[row + b] += ra * diff[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b <= a; b++) cov[a * d + b] /= nk[c];
      cov[a * d + a] += reg;
    }
    out.set(cholesky(cov, d), c * d * d);
  }
  return out;
}

/**
 * The E-step over points [start, end): fills their responsibilities and returns Σ log p(x_i).
 */
export function eStep(g: Gmm, x: Float64Array, start: number, end: number, resp: Float64Array, prepared = prepare(g)): number {
  const { k, d } = g;
  const logp = new Float64Array(k);
  const scratch = new Float64Array(d);
  let sum = 0;
  for (let i = start; i < end; i++) {
    pointLogJoint(g, prepared, x, i, logp, scratch);
    const lse = logSumExp(logp);
    sum += lse;
    for (let c = 0; c < k; c++) resp[i * k + c] = Math.exp(logp[c] - lse);
  }
  return sum;
}

/**
 * Fits a Gaussian mixture to x ([n, d]) by expectation–maximisation, started from k-means++
 * centres (each point assigned to its nearest, then one M-step).
 */
export async function fitGmm(x: Float64Array, n: number, d: number, opts: EmOptions, hooks: EmHooks = {}): Promise<EmResult> {
  const k = opts.components;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`components: ${k} is not a whole number ≥ 1`);
  if (n < k) throw new Error(`components: ${k} components need at least ${k} points, got ${n}`);
  const rng = seededRng(opts.seed);
  let resp = hardAssign(x, n, d, kmeansPlusPlus(x, n, d, k, rng));
  let gmm = mStep(x, n, d, resp, k, opts.covariance, opts.reg);
  resp = new Float64Array(n * k);
  const perPoint = k * (opts.covariance === 'diag' ? d : (d * d) / 2 + d);
  const block = Math.max(64, Math.floor(WORK_PER_BLOCK / perPoint));
  const logLikelihood: number[] = [];
  let converged = false;
  for (let it = 1; it <= opts.maxIter; it++) {
    const prepared = prepare(gmm);
    let sum = 0;
    for (let s = 0; s < n; s += block) {
      sum += eStep(gmm, x, s, Math.min(n, s + block), resp, prepared);
      if (n > block) await hooks.checkpoint?.();
    }
    const ll = sum / n;
    logLikelihood.push(ll);
    hooks.iteration?.(it, ll);
    if (it > 1 && Math.abs(ll - logLikelihood[it - 2]) < opts.tol) {
      converged = true;
      break;
    }
    // The last iteration keeps the parameters its responsibilities came from, so labels match.
    if (it === opts.maxIter) break;
    gmm = mStep(x, n, d, resp, k, opts.covariance, opts.reg);
    await hooks.checkpoint?.();
  }
  return { gmm, logLikelihood, iterations: logLikelihood.length, converged, labels: argmaxRows(resp, n, k) };
}

function argmaxRows(resp: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (resp[i * k + c] > resp[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}
