import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { LOGVAR_FLOOR, UNIT_EPS } from './common';
import { logitNormal } from './logit-normal';
import { checkFinite, checkSampling, densityOnGrid, finiteDiff, gradOf, grid, logProbOf, meanAndSamples, simpson, softplusRef } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

const logvarOf = (raw: number) => LOGVAR_FLOOR + softplusRef(raw - LOGVAR_FLOOR);
/** Raw output for a wanted σ (well above the floor). */
const rawFor = (sd: number) => {
  const lv = 2 * Math.log(sd);
  return LOGVAR_FLOOR + Math.log(Math.expm1(lv - LOGVAR_FLOOR));
};
const clamp = (x: number) => Math.min(Math.max(x, UNIT_EPS), 1 - UNIT_EPS);
const logOne = (x: number, mu: number, lv: number) => {
  const t = Math.log(x / (1 - x));
  return -0.5 * (Math.log(2 * Math.PI) + lv + (t - mu) ** 2 / Math.exp(lv)) - Math.log(x) - Math.log1p(-x);
};
/** params = [μ…, raw logvar…]. */
const ref = (x: number[], p: number[]) => x.reduce((s, xj, j) => s + logOne(clamp(xj), p[j], logvarOf(p[x.length + j])), 0);
/** E[sigmoid(μ + σZ)] by Simpson over z ∈ [−14, 14] in double. */
const meanRef = (mu: number, sd: number) => {
  const zs = grid(-14, 14, 200000);
  const f = zs.map((z) => Math.exp(-z * z / 2) / (Math.sqrt(2 * Math.PI) * (1 + Math.exp(-(mu + sd * z)))));
  return simpson(f, -14, 14);
};

describe('logit-normal', () => {
  it('equals the closed form, Jacobian included', () => {
    const x = [[0.2, 0.5, 0.9], [0, 1, 0.01]];
    const p = [[-1, 0, 2, 0, -2, 1], [3, -3, 0.5, -6, 0.2, 2]];
    // Float32 carries ~7 digits: at x = 0 with σ at the floor the value is ≈ −2e4.
    logProbOf(logitNormal, x, p).forEach((g, i) => expect(Math.abs(g - ref(x[i], p[i]))).toBeLessThan(1e-6 * Math.abs(ref(x[i], p[i])) + 1e-3));
    // x = ½, μ = 0, σ = 1: log N(0; 0, 1) − 2·log ½.
    expect(logProbOf(logitNormal, [[0.5]], [[0, rawFor(1)]])[0]).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) + 2 * Math.LN2, 4);
  });

  it('integrates to 1 over (0, 1)', () => {
    for (const [mu, sd] of [[0, 1], [1.5, 0.5], [-2, 1], [0, 0.2]]) {
      const xs = grid(0, 1, 20000);
      expect(simpson(densityOnGrid(logitNormal, [mu, rawFor(sd)], xs), 0, 1), `μ=${mu} σ=${sd}`).toBeCloseTo(1, 4);
    }
  });

  it('has the gradient of central finite differences', () => {
    const x = [0.1, 0.5, 0.97];
    const p = [-1, 0.3, 2.5, 1, -2, -9];
    const g = gradOf(logitNormal, [x], [p])[0];
    finiteDiff((q) => ref(x, q), p).forEach((want, j) => expect(Math.abs(g[j] - want), `param ${j}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(want))));
  });

  it('stays finite at extreme outputs and at x = 0 and 1', () => {
    checkFinite(logitNormal, [0, 1, 0.5], [[0, -1e4], [80, -80], [-1e3, 80], [1e4, 1e4], [0, 0]]);
  });

  it('has a mean within 1e-4 of E[sigmoid(μ + σZ)] in both of its regimes', () => {
    for (const [mu, sd] of [[0, 0.1], [1, 1], [-2, 2], [3, 4], [-1, 4.7], [0.5, 4.8], [2, 6], [-5, 10], [8, 30]]) {
      const { mean } = meanAndSamples(logitNormal, [mu, rawFor(sd)], 1, 1);
      expect(Math.abs(mean - meanRef(mu, sd)), `μ=${mu} σ=${sd}`).toBeLessThan(1e-4);
    }
  });

  it('draws reproducible samples in (0, 1) around the mean', () => {
    checkSampling(logitNormal, [[0, rawFor(1)], [1.5, rawFor(0.5)], [-3, rawFor(2)]], ([mu, raw]) => meanRef(mu, Math.exp(0.5 * logvarOf(raw))));
  });
});
