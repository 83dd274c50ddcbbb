import * as tf from '../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { bernoulli, bernoulliLogProb, bernoulliMean } from './bernoulli';

beforeAll(useTestBackend);

const logProb = (x: number[][], l: number[][]) =>
  tf.tidy(() => Array.from(bernoulliLogProb(tf.tensor2d(x), tf.tensor2d(l)).dataSync()));

/** Reference in float64: x·l − log(1 + e^l). */
const softplus = (l: number) => Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));

describe('bernoulliLogProb', () => {
  it('equals a hand computation, summed per image', () => {
    const x = [[1, 0, 0.5], [0, 1, 1]];
    const l = [[0, 2, -1], [-3, 0.25, 4]];
    const got = logProb(x, l);
    x.forEach((row, i) => {
      const want = row.reduce((s, xi, j) => s + xi * l[i][j] - softplus(l[i][j]), 0);
      expect(got[i]).toBeCloseTo(want, 5);
    });
    expect(got[0]).toBeCloseTo(-Math.LN2 - softplus(2) - 0.5 - softplus(-1), 5);
  });

  it('is finite and correct at logits ±50', () => {
    const [a, b, c, d] = logProb([[1], [0], [1], [0]], [[50], [50], [-50], [-50]]);
    for (const v of [a, b, c, d]) expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(a)).toBeLessThan(1e-6); // exact value −1.9e-22
    expect(b).toBeCloseTo(-50, 4);
    expect(c).toBeCloseTo(-50, 4);
    expect(Math.abs(d)).toBeLessThan(1e-6);
    // d/dl = x − sigmoid(l), also finite out there
    const g = tf.tidy(() => {
      const x = tf.tensor2d([[1, 0, 1, 0]]);
      return tf.grad((l: tf.Tensor) => tf.sum(bernoulliLogProb(x, l as tf.Tensor2D)))(tf.tensor2d([[50, 50, -50, -50]])).arraySync() as number[][];
    });
    expect(g[0][0]).toBeCloseTo(0, 6);
    expect(g[0][1]).toBeCloseTo(-1, 6);
    expect(g[0][2]).toBeCloseTo(1, 6);
    expect(g[0][3]).toBeCloseTo(0, 6);
  });

  it('gradient matches central finite differences', () => {
    const x = [[1, 0, 0.3, 1]];
    const l0 = [-2, 0.1, 1.5, 3];
    const g = tf.tidy(() => {
      const xt = tf.tensor2d(x);
      return Array.from(tf.grad((l: tf.Tensor) => tf.sum(bernoulliLogProb(xt, l as tf.Tensor2D)))(tf.tensor2d([l0])).dataSync());
    });
    const h = 1e-2;
    l0.forEach((_, j) => {
      const at = (d: number) => logProb(x, [l0.map((v, k) => (k === j ? v + d : v))])[0];
      expect(g[j]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 3);
    });
  });
});

describe('bernoulli likelihood', () => {
  it('mean is sigmoid and samples are reproducible with the right frequency', () => {
    const m = tf.tidy(() => Array.from(bernoulliMean(tf.tensor2d([[0, 2]])).dataSync()));
    expect(m[0]).toBeCloseTo(0.5, 6);
    expect(m[1]).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    const before = tf.memory().numTensors;
    const [s1, s2, s3] = tf.tidy(() => {
      const logits = tf.fill([200, 100], Math.log(0.3 / 0.7)) as tf.Tensor2D; // p = 0.3
      return [bernoulli.sample(logits, 0), bernoulli.sample(logits, 0), bernoulli.sample(logits, 1)].map((t) => Array.from(t.dataSync()));
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(s3);
    expect(new Set(s1)).toEqual(new Set([0, 1]));
    expect(s1.reduce((a, b) => a + b, 0) / s1.length).toBeCloseTo(0.3, 1);
  });
});

describe('bernoulli as a plug-in', () => {
  it('has gradient x − ½ at exactly l = 0 (a zero-initialised decoder’s first step)', () => {
    const g = tf.tidy(() => {
      const x = tf.tensor2d([[1, 0, 0.3]]);
      return Array.from(tf.grad((l: tf.Tensor) => tf.sum(bernoulliLogProb(x, l as tf.Tensor2D)))(tf.zeros([1, 3])).dataSync());
    });
    expect(g[0]).toBeCloseTo(0.5, 6);
    expect(g[1]).toBeCloseTo(-0.5, 6);
    expect(g[2]).toBeCloseTo(-0.2, 6);
  });

  it('is a discrete one-parameter likelihood whose PMF sums to 1', () => {
    expect(bernoulli.paramsPerPixel).toBe(1);
    expect(bernoulli.discrete).toBe(true);
    const [p0, p1] = logProb([[0], [1]], [[0.7], [0.7]]);
    expect(Math.exp(p0) + Math.exp(p1)).toBeCloseTo(1, 6);
  });
});
