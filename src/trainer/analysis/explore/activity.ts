/**
 * Posterior-collapse statistics from an encoder's outputs on n images (μ and log σ², n×d).
 */

/** Mean over the images of KL(N(μ, σ²) ‖ N(0, 1)) per latent dimension: ½(μ² + σ² − 1 − log σ²). */
export function klPerDimension(mu: ArrayLike<number>, logvar: ArrayLike<number>, n: number, d: number): Float64Array {
  const kl = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const m = mu[r * d + j];
      const lv = logvar[r * d + j];
      kl[j] += 0.5 * (m * m + Math.exp(lv) - 1 - lv);
    }
  }
  return kl.map((v) => v / Math.max(1, n));
}

/** Cov_x(E_q[z_j]) for each dimension j: the variance over the images of the posterior mean (1/n). */
export function meanActivity(mu: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j] += mu[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) sq[j] += (mu[r * d + j] - mean[j]) ** 2;
  return sq.map((v) => v / Math.max(1, n));
}

/** Burda, Grosse & Salakhutdinov (2016): a unit is active when Cov_x(E_q[z_j]) exceeds 0.01. */
export const ACTIVE_THRESHOLD = 0.01;

export function activeUnits(activity: ArrayLike<number>, threshold = ACTIVE_THRESHOLD): number {
  let count = 0;
  for (let j = 0; j < activity.length; j++) if (activity[j] > threshold) count++;
  return count;
}
