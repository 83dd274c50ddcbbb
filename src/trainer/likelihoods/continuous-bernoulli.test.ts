import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { CB_TAYLOR_BELOW, continuousBernoulli as cb } from './continuous-bernoulli';
import { checkFinite, checkSampling, densityOnGrid, finiteDiff, gradOf, grid, logProbOf, meanAndSamples, simpson, softplusRef } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

/**
 * Loaiza-Ganem & Cunningham's C(λ) = 2·artanh(1 − 2λ)/(1 − 2λ), straight from the paper, in double;
 * past |l| = 20 λ rounds to 1 even in double, so there its identical logit form l / tanh(l/2).
 */
const logC = (l: number) => {
  const lam = 1 / (1 + Math.exp(-l));
  if (Math.abs(l) < 1e-6) return Math.LN2;
  return Math.abs(l) < 20 ? Math.log((2 * Math.atanh(1 - 2 * lam)) / (1 - 2 * lam)) : Math.log(l / Math.tanh(l / 2));
};
const ref = (x: number[], l: number[]) => x.reduce((s, xj, j) => s + xj * l[j] - softplusRef(l[j]) + logC(l[j]), 0);
/** ∫ x p(x) dx in double. */
const meanRef = (l: number) => {
  const xs = grid(0, 1, 20000);
  return simpson(xs.map((x) => x * Math.exp(x * l - softplusRef(l) + logC(l))), 0, 1);
};

describe('continuous-bernoulli', () => {
  it('equals the paper’s closed form on both sides of the Taylor switch', () => {
    const x = [[0, 0.3, 1, 0.5, 0.8, 0.1, 0.6]];
    const l = [[-3, -0.7, 0.2, 0, 1e-3, 2, 10]];
    expect(logProbOf(cb, x, l)[0]).toBeCloseTo(ref(x[0], l[0]), 4);
    // λ = ½ is the uniform density: log p = 0.
    expect(logProbOf(cb, [[0.37]], [[0]])[0]).toBeCloseTo(0, 6);
    // Continuous across the switch.
    const [a, b] = logProbOf(cb, [[0.4], [0.4]], [[CB_TAYLOR_BELOW - 1e-4], [CB_TAYLOR_BELOW + 1e-4]]);
    expect(Math.abs(a - b)).toBeLessThan(1e-4);
  });

  it('integrates to 1 over [0, 1]', () => {
    for (const l of [-30, -2, -0.3, 0, 1e-4, 0.49, 0.51, 5, 30]) {
      const xs = grid(0, 1, 20000);
      expect(simpson(densityOnGrid(cb, [l], xs), 0, 1), `l=${l}`).toBeCloseTo(1, 4);
    }
  });

  it('has the gradient of central finite differences, and x − ½ at l = 0', () => {
    const x = [0.1, 0.5, 0.97, 0.3, 0.7];
    const l = [-4, -0.3, 0.45, 0.6, 3];
    const g = gradOf(cb, [x], [l])[0];
    finiteDiff((q) => ref(x, q), l).forEach((want, j) => expect(g[j], `l=${l[j]}`).toBeCloseTo(want, 4));
    const g0 = gradOf(cb, [[0.2, 0.9]], [[0, 0]])[0];
    expect(g0[0]).toBeCloseTo(-0.3, 5);
    expect(g0[1]).toBeCloseTo(0.4, 5);
  });

  it('stays finite at extreme logits', () => {
    checkFinite(cb, [0, 1, 0.5], [[0], [-1e-7], [88], [-88], [1e4], [-1e4], [CB_TAYLOR_BELOW]]);
  });

  it('has the CB mean, continuous across the switch and → 0/1 at the extremes', () => {
    for (const l of [-20, -3, -0.6, -0.2, 0, 0.05, 0.499, 0.501, 1, 7]) {
      expect(meanAndSamples(cb, [l], 1, 1).mean, `l=${l}`).toBeCloseTo(meanRef(l), 5);
    }
    expect(meanAndSamples(cb, [1e4], 1, 1).mean).toBeCloseTo(1, 3);
    expect(meanAndSamples(cb, [-1e4], 1, 1).mean).toBeCloseTo(0, 3);
  });

  it('draws reproducible samples in [0, 1] with the CB mean', () => {
    checkSampling(cb, [[0], [1e-4], [-2], [4], [60], [-0.3]], ([l]) => meanRef(l));
  });
});
