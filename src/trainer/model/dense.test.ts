import * as tf from '../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemmStats } from '../wasm/gemm';
import { useFastWasmKernels } from '../wasm/register';
import { useTestBackend } from '../testing/tfSetup';
import { dense, stockDense, type Activation, type DenseFn } from './dense';

beforeAll(useTestBackend);

/** max |a − b| / max |b|: one number for a whole tensor. */
function relErr(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number / (tf.max(tf.abs(b)).arraySync() as number));
}

function setup(seed: number) {
  const x = tf.variable(tf.randomNormal([16, 7], 0, 1, 'float32', seed) as tf.Tensor2D);
  const W = tf.variable(tf.randomNormal([7, 5], 0, 1, 'float32', seed + 1) as tf.Tensor2D);
  const b = tf.variable(tf.randomNormal([5], 0, 1, 'float32', seed + 2) as tf.Tensor1D);
  // A random linear read-out makes dL/dy = R, a generic upstream gradient.
  const R = tf.randomNormal([16, 5], 0, 1, 'float32', seed + 3);
  const loss = (f: DenseFn, act: Activation, inputGrad = true) => () =>
    tf.sum(tf.mul(f(x, W, b, act, { inputGrad }), R)) as tf.Scalar;
  const dispose = () => [x, W, b, R].forEach((t) => t.dispose());
  return { x, W, b, loss, dispose };
}

describe('dense', () => {
  it('runs on the WASM backend (the fast one in Node)', async () => {
    expect(await useTestBackend()).toBe('wasm');
  });

  for (const act of ['relu', 'linear'] as const) {
    it(`${act}: forward and gradients equal the stock layer`, () => {
      const s = setup(11);
      const ours = tf.variableGrads(s.loss(dense, act));
      const stock = tf.variableGrads(s.loss(stockDense, act));
      expect(relErr(ours.value, stock.value)).toBeLessThan(1e-6);
      for (const v of [s.x, s.W, s.b]) expect(relErr(ours.grads[v.name], stock.grads[v.name])).toBeLessThan(1e-4);
      tf.dispose([ours, stock]);
      s.dispose();
    });
  }

  it('inputGrad: false still gives exact W and b gradients, and none for x', () => {
    const s = setup(21);
    const ours = tf.variableGrads(s.loss(dense, 'relu', false), [s.W, s.b]);
    const stock = tf.variableGrads(s.loss(stockDense, 'relu'), [s.W, s.b]);
    for (const v of [s.W, s.b]) expect(relErr(ours.grads[v.name], stock.grads[v.name])).toBeLessThan(1e-4);
    // With x as a customGrad input tfjs would demand a gradient for it; closed over, x is off the tape.
    expect(() => tf.grad((xx: tf.Tensor) => tf.sum(dense(xx as tf.Tensor2D, s.W, s.b, 'relu', { inputGrad: false })))(s.x)).toThrow();
    tf.dispose([ours, stock]);
    s.dispose();
  });

  it('matches central finite differences', () => {
    const s = setup(31);
    const f = s.loss(dense, 'relu');
    const { grads } = tf.variableGrads(f);
    const h = 1e-2; // loss is piecewise linear in each weight, so h only has to avoid relu kinks
    for (const v of [s.W, s.b, s.x] as tf.Variable[]) {
      const flat = v.dataSync().slice();
      const g = grads[v.name].dataSync();
      for (const i of [0, 3, flat.length - 1]) {
        const at = (d: number) => {
          const p = flat.slice();
          p[i] += d;
          v.assign(tf.tensor(p, v.shape));
          return tf.tidy(() => f().arraySync());
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        v.assign(tf.tensor(flat, v.shape));
        expect(Math.abs(fd - g[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(g[i])));
      }
    }
    tf.dispose(grads);
    s.dispose();
  });

  it('leaks no tensors, with and without a gradient tape', () => {
    const s = setup(41);
    const before = tf.memory().numTensors;
    for (const inputGrad of [true, false]) {
      for (let i = 0; i < 3; i++) tf.dispose(tf.variableGrads(s.loss(dense, 'relu', inputGrad), [s.W, s.b]));
      tf.tidy(() => void dense(s.x, s.W, s.b, 'relu', { inputGrad }));
    }
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });
});

// Last: registering is for the rest of this file's process.
describe('dense with the trainer/wasm/ kernels registered (transposed operands, our GEMM)', () => {
  it('gives the forward and gradients the CPU backend gives for the stock layer', async () => {
    const run = (f: DenseFn, act: Activation) => {
      const s = setup(51);
      const r = tf.variableGrads(s.loss(f, act));
      const out = [r.value, ...[s.x, s.W, s.b].map((v) => r.grads[v.name])].map((t) => Array.from(t.dataSync()));
      tf.dispose(r);
      s.dispose();
      return out;
    };
    for (const act of ['relu', 'linear'] as const) {
      await tf.setBackend('cpu');
      const want = run(stockDense, act);
      await tf.setBackend('wasm');
      useFastWasmKernels();
      const calls = gemmStats.calls;
      const got = run(dense, act);
      // Forward, dW and dx: three GEMMs.
      expect(gemmStats.calls - calls).toBe(3);
      got.forEach((g, i) => {
        const scale = Math.max(...want[i].map(Math.abs));
        g.forEach((v, j) => expect(Math.abs(v - want[i][j]) / scale, `${act} output ${i} [${j}]`).toBeLessThan(1e-5));
      });
    }
  });
});
