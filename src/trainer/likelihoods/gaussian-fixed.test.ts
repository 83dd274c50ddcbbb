import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { gaussianFixed } from './gaussian-fixed';
import { checkFinite, checkSampling, densityOnGrid, finiteDiff, gradOf, grid, logProbOf, simpson } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

const sig = (o: number) => 1 / (1 + Math.exp(-o));
/** Σ log N(x_j; sigmoid(o_j), c), in double. */
const ref = (x: number[], o: number[], c: number) =>
  x.reduce((s, xj, j) => s - 0.5 * Math.log(2 * Math.PI * c) - (xj - sig(o[j])) ** 2 / (2 * c), 0);

describe('gaussian-fixed', () => {
  it('equals the closed form, constant included', () => {
    for (const c of [0.1, 0.5, 0.003]) {
      const x = [[0, 0.3, 1], [1, 1, 0.5]];
      const o = [[-2, 0, 3], [0.5, -1, 0]];
      const got = logProbOf(gaussianFixed(c), x, o);
      got.forEach((g, i) => expect(g).toBeCloseTo(ref(x[i], o[i], c), 3));
    }
    // x = μ: only the constant remains.
    expect(logProbOf(gaussianFixed(0.1), [[0.5]], [[0]])[0]).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.1), 5);
  });

  it('integrates to 1 over the real line', () => {
    for (const [o, c] of [[0, 0.1], [2, 0.01], [-3, 1]]) {
      const m = sig(o);
      const sd = Math.sqrt(c);
      const xs = grid(m - 12 * sd, m + 12 * sd, 4000);
      expect(simpson(densityOnGrid(gaussianFixed(c), [o], xs), xs[0], xs[xs.length - 1])).toBeCloseTo(1, 5);
    }
  });

  it('has the gradient of central finite differences', () => {
    const x = [0, 0.4, 1, 0.9];
    const o = [-1.5, 0.2, 2, -0.3];
    const c = 0.2;
    const g = gradOf(gaussianFixed(c), [x], [o])[0];
    finiteDiff((p) => ref(x, p, c), o).forEach((want, j) => expect(g[j]).toBeCloseTo(want, 4));
  });

  it('stays finite at extreme outputs and tiny variance', () => {
    checkFinite(gaussianFixed(1e-3), [0, 1, 0.5], [[80], [-80], [1e4], [-1e4], [0]]);
  });

  it('has mean sigmoid(out) and reproducible unclipped samples around it', () => {
    checkSampling(gaussianFixed(0.05), [[0], [1.2], [-2]], ([o]) => sig(o), [-Infinity, Infinity]);
  });

  it('rejects a non-positive variance', () => {
    expect(() => gaussianFixed(0)).toThrow(/variance/);
    expect(() => gaussianFixed(-1)).toThrow(/variance/);
  });
});
