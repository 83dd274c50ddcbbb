import { describe, expect, it } from 'vitest';
import { fitGmm } from './em';
import { cholesky } from './linalg';
import type { CovarianceType, Gmm } from './model';
import { seededRng } from './random';
import { sampleGmm } from './sample';

/** A known 3-component mixture in 3-D; the full one has correlated components. */
function truth(covariance: CovarianceType): Gmm {
  const d = 3;
  const means = Float64Array.from([0, 0, 0, 6, 0, 2, -3, 5, -4]);
  const weights = Float64Array.from([0.5, 0.3, 0.2]);
  const covs = [
    [1, 0, 0, 0, 0.5, 0, 0, 0, 2],
    [0.6, 0, 0, 0, 1.5, 0, 0, 0, 0.4],
    [1, 0, 0, 0, 1, 0, 0, 0, 1],
  ];
  if (covariance === 'full') {
    covs[0] = [1, 0.6, 0, 0.6, 1, -0.3, 0, -0.3, 1.2];
    covs[1] = [2, -0.9, 0.4, -0.9, 1, 0, 0.4, 0, 0.5];
  }
  const scale =
    covariance === 'diag'
      ? Float64Array.from(covs.flatMap((m) => [m[0], m[4], m[8]]))
      : Float64Array.from(covs.flatMap((m) => Array.from(cholesky(Float64Array.from(m), d))));
  return { k: 3, d, covariance, weights, means, scale };
}

describe.each(['diag', 'full'] as const)('EM with %s covariance', (covariance) => {
  it('recovers the means and weights of a known mixture, and its log-likelihood never falls', async () => {
    const t = truth(covariance);
    const n = 3000;
    const { x } = sampleGmm(t, n, seededRng(11));
    const iters: number[] = [];
    const fit = await fitGmm(x, n, 3, { components: 3, covariance, tol: 1e-6, maxIter: 300, seed: 3, reg: 1e-6 }, { iteration: (_i, ll) => iters.push(ll) });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(fit.logLikelihood.length);
    expect(iters).toEqual(fit.logLikelihood);
    for (let i = 1; i < fit.logLikelihood.length; i++) expect(fit.logLikelihood[i]).toBeGreaterThanOrEqual(fit.logLikelihood[i - 1] - 1e-9);
    // Match each true component to the nearest fitted mean (EM's labels are arbitrary).
    const used = new Set<number>();
    for (let c = 0; c < 3; c++) {
      let best = -1;
      let bestD = Infinity;
      for (let f = 0; f < 3; f++) {
        let s = 0;
        for (let j = 0; j < 3; j++) s += (fit.gmm.means[f * 3 + j] - t.means[c * 3 + j]) ** 2;
        if (s < bestD) [best, bestD] = [f, s];
      }
      used.add(best);
      expect(Math.sqrt(bestD)).toBeLessThan(0.15);
      expect(Math.abs(fit.gmm.weights[best] - t.weights[c])).toBeLessThan(0.03);
    }
    expect(used.size).toBe(3);
    // The fitted density explains the data about as well as the true one does.
    const trueLl = await fitGmm(x, n, 3, { components: 3, covariance, tol: 1e-6, maxIter: 1, seed: 3, reg: 1e-6 });
    expect(fit.logLikelihood.at(-1)!).toBeGreaterThan(trueLl.logLikelihood[0] - 1e-9);
  });
});

describe('EM stopping rules', () => {
  it('stops at the iteration cap and reports it as not converged', async () => {
    const t = truth('diag');
    const { x } = sampleGmm(t, 500, seededRng(5));
    const fit = await fitGmm(x, 500, 3, { components: 3, covariance: 'diag', tol: 0, maxIter: 4, seed: 1, reg: 1e-6 });
    expect(fit.iterations).toBe(4);
    expect(fit.converged).toBe(false);
    expect(fit.labels.length).toBe(500);
  });

  it('names the field when there are fewer points than components', async () => {
    await expect(fitGmm(new Float64Array(6), 2, 3, { components: 3, covariance: 'diag', tol: 1e-3, maxIter: 10, seed: 1, reg: 1e-6 })).rejects.toThrow(/components/);
  });

  it('is reproducible for a seed', async () => {
    const { x } = sampleGmm(truth('full'), 400, seededRng(9));
    const opts = { components: 3, covariance: 'full' as const, tol: 1e-4, maxIter: 50, seed: 4, reg: 1e-6 };
    const a = await fitGmm(x, 400, 3, opts);
    const b = await fitGmm(x, 400, 3, opts);
    expect(a.logLikelihood).toEqual(b.logLikelihood);
  });
});
