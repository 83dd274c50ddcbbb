import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { softplusRef } from '../testing/likelihoodChecks';
import { useTestBackend } from '../testing/tfSetup';
import { mulberry32 } from '../random';
import { heapBernoulliLogProb } from './bernoulli';
import { splitForTesting } from './pool';

beforeAll(useTestBackend);
afterEach(() => splitForTesting(1));

const sigmoidRef = (l: number) => (l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l)));

/** The kernel's row sums and gradient for x and logits given as [rows][d] arrays. */
function fused(x: number[][], l: number[][]): { out: Float32Array; grad: Float32Array } {
  return tf.tidy(() => {
    const xt = tf.tensor2d(x);
    const lt = tf.tensor2d(l);
    const f = (p: tf.Tensor) => heapBernoulliLogProb(xt, p as tf.Tensor2D)!;
    const out = f(lt).dataSync() as Float32Array;
    const grad = tf.grad((p: tf.Tensor) => tf.sum(f(p)))(lt).dataSync() as Float32Array;
    return { out, grad };
  });
}

function randomRows(rows: number, d: number, seed: number, scale: number): { x: number[][]; l: number[][] } {
  const r = mulberry32(seed);
  const pick = () => [0, 1, r()][Math.floor(3 * r())]; // 0, 1 and grey levels
  return {
    x: Array.from({ length: rows }, () => Array.from({ length: d }, pick)),
    l: Array.from({ length: rows }, () => Array.from({ length: d }, () => scale * (2 * r() - 1))),
  };
}

describe('the fused Bernoulli likelihood on the WASM heap', () => {
  it('runs on WASM', async () => {
    expect(await useTestBackend()).toBe('wasm');
    expect(tf.tidy(() => heapBernoulliLogProb(tf.zeros([2, 8]), tf.zeros([2, 8])) !== null)).toBe(true);
  });

  it('gives softplus and sigmoid to float32 accuracy for logits from −120 to 120', () => {
    // Rows of four equal logits with x = 0: each row sums to −4·softplus(l); the gradient is −sigmoid(l).
    const ls = Array.from({ length: 24_001 }, (_, i) => -120 + i / 100);
    const { out, grad } = fused(ls.map(() => [0, 0, 0, 0]), ls.map((l) => [l, l, l, l]));
    let worstSoftplus = 0;
    let worstSigmoid = 0;
    ls.forEach((l, i) => {
      const lf = Math.fround(l);
      const sp = softplusRef(lf);
      const sg = sigmoidRef(lf);
      // Below l = −87 the kernel's e^l stops at e^−87 (1.6e-38): an absolute error under 2e-38.
      const err = (got: number, want: number) => (Math.abs(got - want) < 2e-38 ? 0 : Math.abs(got - want) / want);
      worstSoftplus = Math.max(worstSoftplus, err(-out[i] / 4, sp));
      worstSigmoid = Math.max(worstSigmoid, err(-grad[4 * i], sg));
    });
    // float32 rounds to 6e-8; a few roundings in the polynomials stay within 1e-6.
    expect(worstSoftplus).toBeLessThan(1e-6);
    expect(worstSigmoid).toBeLessThan(1e-6);
  });

  it('equals Σ x·l − softplus(l) per row and x − sigmoid(l), computed in float64', () => {
    const { x, l } = randomRows(37, 784, 7, 40);
    const { out, grad } = fused(x, l);
    x.forEach((row, i) => {
      let want = 0;
      let scale = 0;
      row.forEach((xi, j) => {
        const lf = Math.fround(l[i][j]);
        const term = Math.fround(xi) * lf - softplusRef(lf);
        want += term;
        scale += Math.abs(term);
        expect(Math.abs(grad[i * 784 + j] - (Math.fround(xi) - sigmoidRef(lf)))).toBeLessThan(1e-6);
      });
      // 784 float32 terms summed in four lanes: rounding well under 1e-6 of their magnitudes' sum.
      expect(Math.abs(out[i] - want)).toBeLessThan(1e-6 * scale);
    });
  });

  it('matches tfjs own kernels (the path other backends take) and keeps NaN', () => {
    const { x, l } = randomRows(9, 16, 3, 12);
    l[4][5] = NaN;
    const { out } = fused(x, l);
    const stock = tf.tidy(() => {
      const lt = tf.tensor2d(l);
      const sp = tf.add(tf.relu(lt), tf.log1p(tf.exp(tf.neg(tf.abs(lt)))));
      return tf.sum(tf.sub(tf.mul(tf.tensor2d(x), lt), sp), 1).dataSync();
    });
    out.forEach((v, i) => (i === 4 ? expect(v).toBeNaN() : expect(v).toBeCloseTo(stock[i], 4)));
  });

  it('splits rows over threads bit for bit, and leaks no tensor', () => {
    const { x, l } = randomRows(300, 784, 11, 30);
    const one = fused(x, l);
    for (const n of [2, 3]) {
      splitForTesting(n);
      const before = tf.memory().numTensors;
      const many = fused(x, l);
      expect(tf.memory().numTensors).toBe(before);
      expect(new Uint32Array(many.out.buffer)).toEqual(new Uint32Array(one.out.buffer));
      expect(new Uint32Array(many.grad.buffer)).toEqual(new Uint32Array(one.grad.buffer));
    }
  });

  it('declines rows whose length is not a multiple of 4 and mismatched shapes', () => {
    tf.tidy(() => {
      expect(heapBernoulliLogProb(tf.zeros([2, 6]), tf.zeros([2, 6]))).toBeNull();
      expect(heapBernoulliLogProb(tf.zeros([2, 8]), tf.zeros([3, 8]))).toBeNull();
    });
  });
});
