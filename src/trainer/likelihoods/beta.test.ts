import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { BETA_MIN_PARAM, beta } from './beta';
import { UNIT_EPS } from './common';
import { checkFinite, checkSampling, densityOnGrid, finiteDiff, gradOf, grid, lgammaRef, logProbOf, meanAndSamples, simpson, softplusRef } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

const shape = (o: number) => softplusRef(o) + BETA_MIN_PARAM;
/** The output that gives shape s: softplus⁻¹(s − ε). */
const outFor = (s: number) => Math.log(Math.expm1(s - BETA_MIN_PARAM));
const clamp = (x: number) => Math.min(Math.max(x, UNIT_EPS), 1 - UNIT_EPS);
const logBeta = (x: number, a: number, b: number) =>
  (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - (lgammaRef(a) + lgammaRef(b) - lgammaRef(a + b));
/** params = [α outputs…, β outputs…]. */
const ref = (x: number[], p: number[]) => x.reduce((s, xj, j) => s + logBeta(clamp(xj), shape(p[j]), shape(p[x.length + j])), 0);

describe('beta', () => {
  it('equals the closed form (x clamped into (ε, 1 − ε))', () => {
    const x = [[0.2, 0.5, 0.9], [0, 1, 0.01]];
    const p = [[outFor(2), 0, 3, outFor(5), -1, 0.5], [1, -2, 0.3, 2, 4, -0.5]];
    logProbOf(beta, x, p).forEach((g, i) => expect(g).toBeCloseTo(ref(x[i], p[i]), 3));
    // Beta(1, 1) is uniform: log p = 0 anywhere.
    expect(logProbOf(beta, [[0.37]], [[outFor(1), outFor(1)]])[0]).toBeCloseTo(0, 4);
    // Beta(2, 5) at ½: log(30 · ½ · (½)⁴).
    expect(logProbOf(beta, [[0.5]], [[outFor(2), outFor(5)]])[0]).toBeCloseTo(Math.log(30 / 32), 4);
  });

  it('integrates to 1 over (0, 1)', () => {
    for (const [a, b] of [[1, 1], [2, 5], [1.5, 1], [10, 10], [4, 1.2]]) {
      const xs = grid(0, 1, 20000);
      expect(simpson(densityOnGrid(beta, [outFor(a), outFor(b)], xs), 0, 1), `α=${a} β=${b}`).toBeCloseTo(1, 3);
    }
  });

  it('has the gradient of central finite differences', () => {
    const x = [0.1, 0.5, 0.97];
    const p = [-1, 0.3, 2.5, 1, -2, 0.2];
    const g = gradOf(beta, [x], [p])[0];
    finiteDiff((q) => ref(x, q), p).forEach((want, j) => expect(Math.abs(g[j] - want), `param ${j}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(want))));
  });

  it('stays finite at extreme outputs and at x = 0 and 1', () => {
    checkFinite(beta, [0, 1, 0.5], [[-80, -80], [80, 80], [-80, 80], [1e3, -1e3], [0, 0]]);
  });

  it('has mean α/(α + β), and reproducible samples with the right mean and variance', () => {
    const settings = [[outFor(2), outFor(5)], [outFor(0.3), outFor(0.5)], [outFor(20), outFor(3)], [-8, -8]];
    const mean = ([p, q]: number[]) => shape(p) / (shape(p) + shape(q));
    checkSampling(beta, settings, mean);
    for (const s of settings) {
      const { samples } = meanAndSamples(beta, s, 20000, 3);
      const [a, b] = s.map(shape);
      const m = samples.reduce((u, v) => u + v, 0) / samples.length;
      const v = samples.reduce((u, w) => u + (w - m) ** 2, 0) / samples.length;
      expect(v).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 2);
    }
  });
});
