import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { klPerDim, mmdRbf } from './mmd';

beforeAll(async () => {
  await useTestBackend();
});

/** Plain-JS MMD² (biased or unbiased) in double. */
function mmdRef(a: number[][], b: number[][], h: number, unbiased: boolean): number {
  const k = (p: number[], q: number[]) => Math.exp(-p.reduce((s, v, i) => s + (v - q[i]) ** 2, 0) / (2 * h * h));
  const within = (s: number[][]) => {
    let t = 0;
    for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) if (!unbiased || i !== j) t += k(s[i], s[j]);
    return t / (unbiased ? s.length * (s.length - 1) : s.length ** 2);
  };
  let cross = 0;
  for (const p of a) for (const q of b) cross += k(p, q);
  return within(a) + within(b) - (2 * cross) / (a.length * b.length);
}

const mmdOf = (a: tf.Tensor2D, b: tf.Tensor2D, h?: number, unbiased = false) => tf.tidy(() => mmdRbf(a, b, h, unbiased).dataSync()[0]);

describe('mmdRbf', () => {
  it('equals the plain-JS estimate, biased and unbiased', () => {
    const a = [[0, 1], [0.5, -1], [2, 0.3]];
    const b = [[1, 1], [-0.4, 0.2], [0, 0], [3, -2]];
    for (const unbiased of [false, true]) {
      expect(mmdOf(tf.tensor2d(a), tf.tensor2d(b), 1.3, unbiased)).toBeCloseTo(mmdRef(a, b, 1.3, unbiased), 5);
    }
  });

  it('is 0 for identical samples and ≈ 0 for two samples of one distribution', () => {
    const a = tf.randomNormal([200, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomNormal([200, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
    expect(Math.abs(mmdOf(a, a))).toBeLessThan(1e-6);
    expect(Math.abs(mmdOf(a, b, undefined, true))).toBeLessThan(0.01);
    tf.dispose([a, b]);
  });

  it('grows monotonically with a shift of the mean', () => {
    const before = tf.memory().numTensors;
    const prior = tf.randomNormal([256, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
    const values = [0, 0.5, 1, 2].map((shift) =>
      tf.tidy(() => mmdOf(tf.add(tf.randomNormal([256, 8], 0, 1, 'float32', 4), shift) as tf.Tensor2D, prior)),
    );
    prior.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
    expect(values[0]).toBeLessThan(0.02);
  });

  it('has a finite gradient that pulls samples toward the prior', () => {
    const prior = tf.randomNormal([64, 2], 0, 1, 'float32', 5) as tf.Tensor2D;
    const g = tf.tidy(() => tf.grad((z: tf.Tensor) => mmdRbf(z as tf.Tensor2D, prior))(tf.add(tf.randomNormal([64, 2], 0, 1, 'float32', 6), 3)).arraySync() as number[][]);
    prior.dispose();
    expect(g.flat().every(Number.isFinite)).toBe(true);
    // Moving every code down (toward 0) lowers MMD²: the mean gradient points up.
    expect(g.reduce((s, r) => s + r[0] + r[1], 0)).toBeGreaterThan(0);
  });

  it('rejects a bad bandwidth or mismatched widths', () => {
    const a = tf.zeros([3, 2]) as tf.Tensor2D;
    expect(() => mmdRbf(a, a, 0)).toThrow(/bandwidth/);
    const b = tf.zeros([3, 3]) as tf.Tensor2D;
    expect(() => mmdRbf(a, b)).toThrow(/widths/);
    tf.dispose([a, b]);
  });
});

describe('klPerDim', () => {
  it('is the batch-mean KL of each latent dimension', () => {
    const mu = [[0, 1, -2], [0.5, 0, 1]];
    const lv = [[0, -1, 0.5], [0, 2, -3]];
    const got = tf.tidy(() => Array.from(klPerDim(tf.tensor2d(mu), tf.tensor2d(lv)).dataSync()));
    for (let j = 0; j < 3; j++) {
      const want = mu.reduce((s, row, i) => s - 0.5 * (1 + lv[i][j] - row[j] ** 2 - Math.exp(lv[i][j])), 0) / mu.length;
      expect(got[j]).toBeCloseTo(want, 5);
    }
    expect(got).toHaveLength(3);
  });

  it('has the gradient of its closed form: ∂/∂mu = w·mu/n, ∂/∂logvar = w·(e^logvar − 1)/2n', () => {
    const mu = [[0, 1, -2], [0.5, 0, 1]];
    const lv = [[0, -1, 0.5], [0, 2, -3]];
    const w = [0.3, -1.2, 2];
    const [gmu, glv] = tf.tidy(() => {
      const f = (m: tf.Tensor, l: tf.Tensor) => tf.sum(tf.mul(klPerDim(m as tf.Tensor2D, l as tf.Tensor2D), tf.tensor1d(w)));
      return tf.grads(f)([tf.tensor2d(mu), tf.tensor2d(lv)]).map((g) => g.arraySync() as number[][]);
    });
    mu.forEach((row, i) =>
      row.forEach((m, j) => {
        expect(gmu[i][j], `mu[${i}][${j}]`).toBeCloseTo((w[j] * m) / 2, 5);
        expect(glv[i][j], `logvar[${i}][${j}]`).toBeCloseTo((w[j] * (Math.exp(lv[i][j]) - 1)) / 4, 5);
      }),
    );
  });
});
