import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { LOGVAR_FLOOR } from './common';
import { gaussianLearned } from './gaussian-learned';
import { checkFinite, checkSampling, densityOnGrid, finiteDiff, gradOf, grid, logProbOf, simpson, softplusRef } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

const sig = (o: number) => 1 / (1 + Math.exp(-o));
const logvarOf = (raw: number) => LOGVAR_FLOOR + softplusRef(raw - LOGVAR_FLOOR);
/** params = [means…, raw logvars…] for D = x.length pixels (parameter-major). */
const ref = (x: number[], p: number[]) => {
  const D = x.length;
  return x.reduce((s, xj, j) => {
    const lv = logvarOf(p[D + j]);
    return s - 0.5 * (Math.log(2 * Math.PI) + lv + (xj - sig(p[j])) ** 2 / Math.exp(lv));
  }, 0);
};

describe('gaussian-learned', () => {
  it('equals the closed form, with the parameter-major layout', () => {
    const x = [[0, 0.3, 1], [0.7, 1, 0]];
    const p = [[-2, 0, 3, 0, -1, 1.5], [0.5, -1, 0, -4, 2, -20]];
    logProbOf(gaussianLearned, x, p).forEach((g, i) => expect(g).toBeCloseTo(ref(x[i], p[i]), 3));
    expect(logvarOf(0)).toBeCloseTo(0, 3); // raw ≈ logvar well above the floor
  });

  it('integrates to 1 over the real line', () => {
    for (const [o, lv] of [[0, 0], [1, -4], [-2, -9]]) {
      const sd = Math.exp(0.5 * logvarOf(lv));
      const xs = grid(sig(o) - 12 * sd, sig(o) + 12 * sd, 4000);
      expect(simpson(densityOnGrid(gaussianLearned, [o, lv], xs), xs[0], xs[xs.length - 1])).toBeCloseTo(1, 4);
    }
  });

  it('has the gradient of central finite differences', () => {
    const x = [0, 0.4, 1];
    const p = [-1.5, 0.2, 2, -3, 0.5, -9.5];
    const g = gradOf(gaussianLearned, [x], [p])[0];
    finiteDiff((q) => ref(x, q), p).forEach((want, j) => expect(g[j], `param ${j}`).toBeCloseTo(want, 3));
  });

  it('cannot reach NaN as σ → 0 (seed report 004): log σ² stops at the floor', () => {
    checkFinite(gaussianLearned, [0, 1, 0.5], [[0, -1e4], [80, -1e30], [-80, 1e3], [0, 0], [1e4, -1e4]]);
    // Perfect prediction at the floor earns the bounded maximum −½log(2π·1e-4) ≈ 3.69 per pixel.
    const best = logProbOf(gaussianLearned, [[0.5]], [[0, -1e6]])[0];
    expect(best).toBeCloseTo(-0.5 * (Math.log(2 * Math.PI) + LOGVAR_FLOOR), 4);
    // and the raw output still gets a (tiny, non-zero) push back up from the floor.
    expect(gradOf(gaussianLearned, [[0.3]], [[0, LOGVAR_FLOOR - 3]])[0][1]).not.toBe(0);
  });

  it('has mean sigmoid(μ) and reproducible samples around it', () => {
    checkSampling(gaussianLearned, [[0, -3], [2, -6], [-1, 0]], ([o]) => sig(o), [-Infinity, Infinity]);
  });
});
