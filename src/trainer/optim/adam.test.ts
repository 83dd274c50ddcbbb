import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { createAdam, FusedAdam } from './adam';
import { useFastWasmKernels } from '../wasm/register';

beforeAll(async () => {
  await useTestBackend();
  // As in training: clones share memory on WASM, which the in-place moments must respect.
  useFastWasmKernels();
});

const SHAPES: number[][] = [[7, 5], [5], [1], [33, 3]];

/** Variables with fixed random values, and a fixed random gradient sequence for them. */
function problem(seed: number) {
  const r = mulberry32(seed);
  const rand = (n: number, scale: number) => Float32Array.from({ length: n }, () => scale * (2 * r() - 1));
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const init = SHAPES.map((s) => rand(size(s), 1));
  // Scales from 1e-4 to 10, and some exact zeros, as real gradients have.
  const grads = Array.from({ length: 25 }, (_, step) =>
    SHAPES.map((s, i) => rand(size(s), 10 ** ((step + i) % 6 - 4)).map((g, j) => (j % 11 === 3 ? 0 : g))),
  );
  return { init, grads };
}

/** Runs `steps` Adam updates with `opt` on fresh variables; returns the final weights. */
function run(opt: tf.Optimizer, seed: number, steps: number) {
  const { init, grads } = problem(seed);
  const vars = init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
  for (let s = 0; s < steps; s++) {
    const named = Object.fromEntries(vars.map((v, i) => [v.name, tf.tensor(grads[s][i], SHAPES[i])]));
    opt.applyGradients(named);
    tf.dispose(Object.values(named));
  }
  const out = vars.map((v) => Float32Array.from(v.dataSync()));
  tf.dispose(vars);
  return out;
}

function maxRelDiff(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let d = 0;
  a.forEach((x, i) => Array.from(x).forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j]) / Math.max(1e-6, Math.abs(b[i][j]))))));
  return d;
}

describe('FusedAdam', () => {
  it('runs where it is meant to: the WASM backend', () => {
    expect(tf.getBackend()).toBe('wasm');
    const opt = createAdam(1e-3);
    // Not instanceof: tfjs gives Optimizer a Symbol.hasInstance that accepts any optimizer.
    expect(opt.constructor).toBe(FusedAdam);
    opt.dispose();
  });

  it('gives the weights tf.train.adam gives after 25 steps, bias correction included', () => {
    for (const lr of [1e-3, 0.05]) {
      const stock = tf.train.adam(lr);
      const fused = new FusedAdam(lr);
      const expected = run(stock, 7, 25);
      const got = run(fused, 7, 25);
      // Every operation is rounded as tfjs rounds it, so the two agree to the bit in practice;
      // allow one float32 ulp of drift.
      expect(maxRelDiff(got, expected)).toBeLessThan(2.5e-7);
      // And the run moved the weights, so the comparison means something.
      expect(maxRelDiff(got, problem(7).init)).toBeGreaterThan(lr / 2);
      stock.dispose();
      fused.dispose();
    }
  });

  it('takes a first step of lr·sign(g) per weight (m̂/√v̂ = g/|g| after bias correction)', () => {
    const lr = 0.01;
    const opt = new FusedAdam(lr);
    const w = tf.variable(tf.tensor1d([1, 2, -3, 0.5]));
    const g = tf.tensor1d([1e-3, -5, 2e-2, -1e-4]);
    opt.applyGradients({ [w.name]: g });
    const got = Array.from(w.dataSync());
    const gs = [1e-3, -5, 2e-2, -1e-4];
    // ε = 1e-7 (tfjs's float32 epsilon) is added to √v̂ = |g|.
    [1, 2, -3, 0.5].forEach((w0, i) => expect(got[i]).toBeCloseTo(w0 - (lr * gs[i]) / (Math.abs(gs[i]) + 1e-7), 6));
    expect(got[0]).toBeCloseTo(1 - lr, 5);
    tf.dispose([w, g]);
    opt.dispose();
  });

  it('does not write into a tensor that shares the weight’s memory', () => {
    const opt = new FusedAdam(0.1);
    const w = tf.variable(tf.tensor2d([[1, 2], [3, 4]]));
    const view = tf.reshape(w, [4]); // same buffer as w on WASM
    const g = tf.ones([2, 2]);
    opt.applyGradients({ [w.name]: g });
    expect(Array.from(view.dataSync())).toEqual([1, 2, 3, 4]);
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(i + 1 - 0.1, 5));
    tf.dispose([w, view, g]);
    opt.dispose();
  });

  it('gives matMul the new weights (WASM caches packed weights by tensor id)', () => {
    const opt = new FusedAdam(0.1);
    const x = tf.randomNormal([3, 8], 0, 1, 'float32', 1);
    const w = tf.variable(tf.randomNormal([8, 5], 0, 1, 'float32', 2) as tf.Tensor2D);
    const g = tf.randomNormal([8, 5], 0, 1, 'float32', 3);
    for (let i = 0; i < 3; i++) {
      const seen = tf.matMul(x, w); // packs w into the cache
      opt.applyGradients({ [w.name]: g });
      const after = tf.matMul(x, w);
      const fromValues = tf.matMul(x, tf.tensor(w.dataSync(), w.shape));
      expect(Array.from(after.dataSync())).toEqual(Array.from(fromValues.dataSync()));
      expect(Array.from(after.dataSync())).not.toEqual(Array.from(seen.dataSync()));
      tf.dispose([seen, after, fromValues]);
    }
    tf.dispose([x, w, g]);
    opt.dispose();
  });

  it('leaves a tensor that shares m’s or v’s memory as it was', async () => {
    const opt = new FusedAdam(0.1);
    const w = tf.variable(tf.tensor1d([1, 2, 3, 4, 5]));
    const g = tf.tensor1d([1, -1, 2, -2, 3]);
    opt.applyGradients({ [w.name]: g });
    const [, m, v] = await opt.getWeights();
    const held = [tf.clone(m.tensor), tf.reshape(v.tensor, [5])];
    const before = held.map((t) => Array.from(t.dataSync()));
    opt.applyGradients({ [w.name]: g });
    expect(held.map((t) => Array.from(t.dataSync()))).toEqual(before);
    // …while the optimizer's own moments moved on.
    const [, m2] = await opt.getWeights();
    expect(Array.from(m2.tensor.dataSync())).not.toEqual(before[0]);
    tf.dispose([w, g, ...held]);
    opt.dispose();
  });

  it('allocates its moments once and leaks nothing', () => {
    const opt = new FusedAdam(1e-3);
    const w = tf.variable(tf.randomNormal([4, 3]));
    const g = tf.randomNormal([4, 3]);
    opt.applyGradients({ [w.name]: g });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) opt.applyGradients([{ name: w.name, tensor: g }]);
    expect(tf.memory().numTensors).toBe(before);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
    tf.dispose([w, g]);
  });

  it('saves and restores its state like tf.train.adam', async () => {
    const stock = tf.train.adam(0.02);
    const fused = new FusedAdam(0.02);
    run(stock, 3, 4);
    run(fused, 3, 4);
    const [a, b] = [await stock.getWeights(), await fused.getWeights()];
    expect(b.map((w) => w.name.replace(/^\d+/, ''))).toEqual(a.map((w) => w.name.replace(/^\d+/, '')));
    expect(b.map((w) => Array.from(w.tensor.dataSync()))).toEqual(a.map((w) => Array.from(w.tensor.dataSync())));
    const restored = new FusedAdam(0.02);
    await restored.setWeights(b);
    expect(restored.iterations).toBe(4);
    stock.dispose();
    fused.dispose();
    restored.dispose();
  });

  it('falls back to tf.train.adam on other backends', async () => {
    await tf.setBackend('cpu');
    try {
      const opt = createAdam(1e-3);
      expect(opt.constructor).toBe(tf.AdamOptimizer);
      opt.dispose();
    } finally {
      await tf.setBackend('wasm');
    }
  });
});
