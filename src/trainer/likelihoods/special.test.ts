import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { gaussHermite, lgamma, logGammaSample } from './special';
import { lgammaRef } from '../testing/likelihoodChecks';

beforeAll(async () => {
  await useTestBackend();
});

describe('lgamma', () => {
  it('matches Stirling-with-shift in double from 1e-3 to 1e3', () => {
    const zs = [1e-3, 0.01, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 55.5, 1000];
    const got = tf.tidy(() => Array.from(lgamma(tf.tensor1d(zs)).dataSync()));
    zs.forEach((z, i) => {
      const want = lgammaRef(z);
      expect(Math.abs(got[i] - want), `z=${z}`).toBeLessThan(2e-6 * Math.max(1, Math.abs(want)));
    });
    expect(Math.abs(lgammaRef(5) - Math.log(24))).toBeLessThan(1e-12); // the reference itself
  });

  it('has digamma as its gradient', () => {
    const zs = [0.05, 0.7, 1, 4, 30];
    const g = tf.tidy(() => Array.from(tf.grad((z: tf.Tensor) => tf.sum(lgamma(z)))(tf.tensor1d(zs)).dataSync()));
    zs.forEach((z, i) => {
      const h = 1e-5 * Math.max(z, 1e-2);
      const want = (lgammaRef(z + h) - lgammaRef(z - h)) / (2 * h);
      expect(Math.abs(g[i] - want), `z=${z}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    });
    expect(g[2]).toBeCloseTo(-0.5772156649, 4); // ψ(1) = −γ
  });
});

describe('gaussHermite', () => {
  it('integrates polynomials against e^(−t²) exactly', () => {
    const { nodes, weights } = gaussHermite(32);
    const moment = (k: number) => nodes.reduce((s, t, i) => s + weights[i] * t ** k, 0);
    expect(moment(0)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(moment(1)).toBeCloseTo(0, 12);
    expect(moment(2)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
    expect(moment(4)).toBeCloseTo((3 * Math.sqrt(Math.PI)) / 4, 11);
  });
});

describe('logGammaSample', () => {
  it('has mean α and variance α, per element, reproducibly', () => {
    const alphas = [0.01, 0.3, 1, 4.5];
    const n = 40000;
    const before = tf.memory().numTensors;
    const draw = (tag: string) =>
      tf.tidy(() => {
        const a = tf.tile(tf.tensor2d([alphas]), [n, 1]);
        return tf.exp(logGammaSample(a, tag)).arraySync() as number[][];
      });
    const s = draw('t');
    expect(tf.memory().numTensors).toBe(before);
    expect(draw('t')).toEqual(s);
    alphas.forEach((alpha, j) => {
      const col = s.map((r) => r[j]);
      expect(col.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      const m = col.reduce((a, b) => a + b, 0) / n;
      const v = col.reduce((a, b) => a + (b - m) ** 2, 0) / n;
      // SE of the mean is √(α/n); of the variance about √(2α² + 6α)/√n (Gamma kurtosis 6/α).
      expect(Math.abs(m - alpha), `mean, α=${alpha}`).toBeLessThan(4 * Math.sqrt(alpha / n));
      expect(Math.abs(v - alpha), `var, α=${alpha}`).toBeLessThan(4 * Math.sqrt((2 * alpha * alpha + 6 * alpha) / n));
    });
  });
});
