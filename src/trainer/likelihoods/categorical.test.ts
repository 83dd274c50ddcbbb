import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { bernoulli } from './bernoulli';
import { categorical } from './categorical';
import { checkFinite, checkSampling, finiteDiff, gradOf, logProbOf, meanAndSamples } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

const logSoftmax = (l: number[]) => {
  const m = Math.max(...l);
  const z = m + Math.log(l.reduce((s, v) => s + Math.exp(v - m), 0));
  return l.map((v) => v - z);
};
/** params = k blocks of D: logit of level i for pixel j at i·D + j. */
const ref = (x: number[], p: number[], k: number) => {
  const D = x.length;
  return x.reduce((s, xj, j) => {
    const logits = Array.from({ length: k }, (_, i) => p[i * D + j]);
    return s + logSoftmax(logits)[Math.min(k - 1, Math.max(0, Math.round(xj * (k - 1))))];
  }, 0);
};

describe('categorical', () => {
  it('equals log-softmax at the quantised level', () => {
    const k = 4;
    const x = [[0, 0.2, 1, 0.55], [0.34, 0.66, 0.9, 0.1]];
    const p = [[1, 0, -2, 0.5, 0.3, 2, 0, -1, -1, 0.5, 1, 0, 0.7, 0.1, 3, 0.2], [0, 1, 2, 3, 3, 2, 1, 0, -1, -2, -3, 4, 0.5, 0.5, 0.5, 0.5]];
    logProbOf(categorical(k), x, p).forEach((g, i) => expect(g).toBeCloseTo(ref(x[i], p[i], k), 4));
    // Uniform logits: log(1/k) per pixel.
    expect(logProbOf(categorical(k), [[0.3, 0.8]], [new Array(8).fill(0.25)])[0]).toBeCloseTo(2 * Math.log(1 / k), 5);
  });

  it('is a PMF: the k levels sum to 1', () => {
    for (const k of [2, 4, 7, 16]) {
      const logits = Array.from({ length: k }, (_, i) => Math.sin(3 * i) * 4);
      const lp = logProbOf(categorical(k), Array.from({ length: k }, (_, i) => [i / (k - 1)]), Array.from({ length: k }, () => logits));
      expect(lp.reduce((s, v) => s + Math.exp(v), 0), `k=${k}`).toBeCloseTo(1, 5);
    }
  });

  it('with k = 2 is Bernoulli on x binarised at ½', () => {
    const x = [[0, 0.49, 0.51, 1]];
    const l = [-1, 0.5, 2, -3];
    const got = logProbOf(categorical(2), x, [[...l.map(() => 0), ...l]])[0];
    expect(got).toBeCloseTo(logProbOf(bernoulli, [[0, 0, 1, 1]], [l])[0], 5);
  });

  it('has the gradient of central finite differences', () => {
    const x = [0.1, 0.5, 0.97];
    const p = [-1, 0.3, 2.5, 1, -2, 0.2, 0, 0.4, -0.7];
    const g = gradOf(categorical(3), [x], [p])[0];
    finiteDiff((q) => ref(x, q, 3), p).forEach((want, j) => expect(g[j], `param ${j}`).toBeCloseTo(want, 5));
  });

  it('stays finite at extreme logits', () => {
    checkFinite(categorical(4), [0, 1, 0.5], [[1e3, -1e3, 0, 0], [-1e4, -1e4, -1e4, 1e4], [88, 88, 88, 88]]);
  });

  it('has mean Σ p_i v_i, and reproducible samples on the levels', () => {
    const k = 4;
    const mean = (l: number[]) => {
      const lp = logSoftmax(l);
      return lp.reduce((s, v, i) => s + Math.exp(v) * (i / (k - 1)), 0);
    };
    checkSampling(categorical(k), [[0, 0, 0, 0], [2, -1, 0.5, 1], [-3, 0, 0, 4]], mean);
    const { samples } = meanAndSamples(categorical(k), [2, -1, 0.5, 1], 1000, 1);
    expect(new Set(samples)).toEqual(new Set([0, 1 / 3, 2 / 3, 1].map(Math.fround)));
  });

  it('rejects bins outside 2…256 or fractional', () => {
    for (const k of [1, 0, 2.5, 300]) expect(() => categorical(k)).toThrow(/bins/);
  });
});
