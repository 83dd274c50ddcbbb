import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { gemmStats, HAS_RELAXED_FMA } from './gemm';
import { useFastWasmKernels } from './register';

beforeAll(async () => {
  await useTestBackend();
  useFastWasmKernels();
});

const random = (shape: number[], seed: number) => {
  const r = mulberry32(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r() - 1), shape);
};

/** max |a − b| relative to max |b|. */
function relErr(a: tf.Tensor, b: tf.Tensor): number {
  const [x, y] = [a.dataSync(), b.dataSync()];
  let [num, den] = [0, 1e-30];
  y.forEach((v, i) => ((num = Math.max(num, Math.abs(x[i] - v))), (den = Math.max(den, Math.abs(v)))));
  return num / den;
}

interface Case { m: number; k: number; n: number; ta: boolean; tb: boolean; bias: boolean; relu: boolean }
const cases: Case[] = [];
// Sizes around the 6×8 tile (edges in both directions), a long k, and the MLP's shapes.
for (const [m, k, n] of [[1, 1, 1], [6, 3, 8], [7, 5, 9], [13, 17, 20], [5, 128, 40], [128, 20, 400], [12, 0, 8], [128, 784, 400], [784, 128, 400]]) {
  for (const ta of [false, true]) for (const tb of [false, true]) cases.push({ m, k, n, ta, tb, bias: m % 2 === 1, relu: n % 2 === 0 });
}
const label = (c: Case) => `${c.m}×${c.k}×${c.n}${c.ta ? ' Aᵀ' : ''}${c.tb ? ' Bᵀ' : ''}${c.bias ? ' +bias' : ''}${c.relu ? ' relu' : ''}`;

function run(c: Case) {
  return tf.tidy(() => {
    const a = random(c.ta ? [c.k, c.m] : [c.m, c.k], c.m * 31 + c.k);
    const b = random(c.tb ? [c.n, c.k] : [c.k, c.n], c.n * 17 + c.k);
    const bias = c.bias ? random([c.n], 5) : undefined;
    const plain = tf.matMul(a, b, c.ta, c.tb);
    const fused = tf.fused.matMul({ a, b, transposeA: c.ta, transposeB: c.tb, bias, activation: c.relu ? 'relu' : 'linear' });
    return { plain: Float32Array.from(plain.dataSync()), fused: Float32Array.from(fused.dataSync()), shape: plain.shape };
  });
}

describe('the WASM matMul kernels (our GEMM)', () => {
  it('equal the CPU backend’s matMul and fused matMul for every shape, transpose, bias and relu', async () => {
    await tf.setBackend('cpu');
    const expected = cases.map(run);
    await tf.setBackend('wasm');
    const calls = gemmStats.calls;
    cases.forEach((c, i) => {
      const got = run(c);
      expect(got.shape, label(c)).toEqual(expected[i].shape);
      const t = (x: Float32Array) => tf.tensor(x);
      // Only the summation order (and FMA's single rounding) differs.
      expect(relErr(t(got.plain), t(expected[i].plain)), `${label(c)} plain`).toBeLessThan(1e-5);
      expect(relErr(t(got.fused), t(expected[i].fused)), `${label(c)} fused`).toBeLessThan(1e-5);
    });
    // Every one of them ran on our kernel.
    expect(gemmStats.calls - calls).toBe(2 * cases.length);
  });

  it('without FMA, equals XNNPACK (the stock WASM kernel) to the bit', () => {
    if (HAS_RELAXED_FMA) return; // with FMA the single rounding differs by design
    // Re-registering is not possible here, so compare with the stock kernel through a batched call,
    // which our kernel hands to it.
    const a = random([2, 9, 33], 1);
    const b = random([2, 33, 16], 2);
    const batched = tf.matMul(a, b);
    const ours = tf.stack([0, 1].map((i) => tf.matMul(tf.squeeze(tf.slice(a, [i, 0, 0], [1, 9, 33]), [0]), tf.squeeze(tf.slice(b, [i, 0, 0], [1, 33, 16]), [0]))));
    expect(Array.from(ours.dataSync())).toEqual(Array.from(batched.dataSync()));
    tf.dispose([a, b, batched, ours]);
  });

  it('keeps the heap balanced and leaks no tensors', () => {
    const a = random([50, 30], 3);
    const b = random([30, 20], 4);
    tf.dispose(tf.matMul(a, b));
    const tensors = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let i = 0; i < 20; i++) tf.dispose(tf.matMul(a, b, false, false));
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.memory().numBytes).toBe(bytes);
    tf.dispose([a, b]);
  });
});
