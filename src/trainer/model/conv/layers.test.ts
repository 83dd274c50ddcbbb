import * as tf from '../../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { gemmStats } from '../../wasm/gemm';
import { useFastWasmKernels } from '../../wasm/register';
import { useTestBackend } from '../../testing/tfSetup';
import type { Activation } from '../dense';
import { convAxis } from './geometry';
import { conv2d, conv2dTranspose, stockConv2d, stockConv2dTranspose, type Conv2dFn, type Conv2dTransposeFn } from './layers';

beforeAll(useTestBackend);

interface Case {
  kind: 'conv' | 'transpose';
  /** Spatial size of the conv's input (for 'transpose': of its output). */
  size: number;
  k: number;
  stride: number;
  ci: number;
  co: number;
  act: Activation;
  pad: 'same' | 'valid';
}

const name = (c: Case) => `${c.kind} ${c.size}px k${c.k} s${c.stride} ${c.pad} ${c.ci}→${c.co} ${c.act}`;
const random = (n: number, seed: number) => {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => 2 * r() - 1);
};

/** Plain arrays in, plain arrays out, so one case can run on two backends. */
function inputs(c: Case) {
  const n = 2;
  const small = convAxis(c.size, c.k, c.stride, c.pad).out;
  const [xShape, yShape]: [number, number, number, number][] =
    c.kind === 'conv' ? [[n, c.size, c.size, c.ci], [n, small, small, c.co]] : [[n, small, small, c.ci], [n, c.size, c.size, c.co]];
  const wShape: [number, number, number, number] = c.kind === 'conv' ? [c.k, c.k, c.ci, c.co] : [c.k, c.k, c.co, c.ci];
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  return {
    x: { shape: xShape, data: random(size(xShape), 1) },
    W: { shape: wShape, data: random(size(wShape), 2) },
    b: { shape: [c.co], data: random(c.co, 3) },
    R: { shape: yShape, data: random(size(yShape), 4) },
  };
}

type Layers = { conv: Conv2dFn; transpose: Conv2dTransposeFn };
const fast: Layers = { conv: conv2d, transpose: conv2dTranspose };
const stock: Layers = { conv: stockConv2d, transpose: stockConv2dTranspose };

/** Loss Σ y·R (R random: a generic upstream gradient), its value and its gradients for x, W, b. */
function lossAndGrads(c: Case, layers: Layers) {
  const d = inputs(c);
  const [x, W, b] = [d.x, d.W, d.b].map((t) => tf.variable(tf.tensor(t.data, t.shape)));
  const R = tf.tensor(d.R.data, d.R.shape);
  const opts = { stride: c.stride, pad: c.pad, activation: c.act };
  const f = () => {
    const y =
      c.kind === 'conv'
        ? layers.conv(x as tf.Tensor4D, W as tf.Tensor4D, b as tf.Tensor1D, opts)
        : layers.transpose(x as tf.Tensor4D, W as tf.Tensor4D, b as tf.Tensor1D, [c.size, c.size], opts);
    return tf.sum(tf.mul(y, R)) as tf.Scalar;
  };
  const { value, grads } = tf.variableGrads(f, [x, W, b] as tf.Variable[]);
  const out = { value: value.dataSync()[0], grads: [x, W, b].map((v) => Float32Array.from(grads[v.name].dataSync())) };
  tf.dispose([value, grads, x, W, b, R]);
  return out;
}

/** max |a − b| / max |b|. */
function relErr(a: Float32Array, b: Float32Array): number {
  let [num, den] = [0, 0];
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

const cases: Case[] = [];
for (const kind of ['conv', 'transpose'] as const) {
  for (const stride of [1, 2]) {
    for (const k of [3, 5]) {
      // 8+ channels take transposedConv's per-phase path, fewer its all-phases-as-channels path;
      // 8 → 1 that path with its channels padded to 8 for our WASM conv (a decoder's last layer);
      // 1 → 8 and 8 → 1 the thin kernels (few taps) for a conv's forward and filter gradient.
      for (const [ci, co] of [[1, 3], [3, 1], [9, 8], [8, 1], [1, 8]]) {
        // 8 divides evenly; 7 at stride 2 exercises the odd size (7 → 4 → 7) of a 28-pixel model.
        for (const size of [8, 7]) cases.push({ kind, size, k, stride, ci, co, act: size === 7 ? 'relu' : 'linear', pad: 'same' });
      }
    }
  }
  // 'valid' leaves rows the conv never reads (8 at k 3 stride 2): the crop paths.
  for (const size of [8, 7]) for (const [ci, co] of [[1, 2], [3, 2], [1, 8]]) cases.push({ kind, size, k: 3, stride: 2, ci, co, act: 'relu', pad: 'valid' });
}

/** Compares our layers on WASM with the stock ones on the CPU backend, case by case. */
async function compareWithStock() {
  await tf.setBackend('cpu');
  const expected = cases.map((c) => lossAndGrads(c, stock));
  await tf.setBackend('wasm'); // ours run where they matter
  expect(tf.getBackend()).toBe('wasm');
  cases.forEach((c, i) => {
    const got = lossAndGrads(c, fast);
    expect(Math.abs(got.value - expected[i].value) / Math.abs(expected[i].value), name(c)).toBeLessThan(1e-5);
    got.grads.forEach((g, j) => expect(relErr(g, expected[i].grads[j]), `${name(c)} grad ${'xWb'[j]}`).toBeLessThan(1e-4));
  });
}

describe('conv2d and conv2dTranspose with fast gradients', () => {
  it('equal the stock tfjs layer and gradients computed on the CPU backend', compareWithStock);

  it('match central finite differences', () => {
    for (const c of cases.filter((c) => c.size === 8 && c.ci === 9 && c.pad === 'same')) {
      const d = inputs(c);
      const vars = [d.x, d.W, d.b].map((t) => tf.variable(tf.tensor(t.data, t.shape)));
      const R = tf.tensor(d.R.data, d.R.shape);
      const opts = { stride: c.stride, activation: c.act };
      const [x, W, b] = vars as unknown as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
      const f = () =>
        tf.sum(tf.mul(c.kind === 'conv' ? conv2d(x, W, b, opts) : conv2dTranspose(x, W, b, [c.size, c.size], opts), R)) as tf.Scalar;
      const { grads } = tf.variableGrads(f, vars);
      // The loss is linear in each variable (activation 'linear'), so a large h loses nothing
      // to curvature and keeps float32 rounding small.
      const h = 0.25;
      for (const v of vars) {
        const flat = v.dataSync().slice();
        const g = grads[v.name].dataSync();
        for (const i of [0, 7 % flat.length, flat.length - 1]) {
          const at = (delta: number) => {
            const p = flat.slice();
            p[i] += delta;
            v.assign(tf.tensor(p, v.shape));
            return tf.tidy(() => f().dataSync()[0]);
          };
          const fd = (at(h) - at(-h)) / (2 * h);
          v.assign(tf.tensor(flat, v.shape));
          expect(Math.abs(fd - g[i]), `${name(c)} ${v.name}[${i}]`).toBeLessThan(1e-3 * Math.max(1, Math.abs(g[i])));
        }
      }
      tf.dispose([grads, vars, R]);
    }
  });

  it('leak no tensors, with and without the input gradient', () => {
    const x = tf.randomNormal([2, 7, 7, 3]) as tf.Tensor4D;
    const W = tf.variable(tf.randomNormal([3, 3, 3, 4])) as tf.Variable<tf.Rank.R4>;
    const b = tf.variable(tf.zeros([4])) as tf.Variable<tf.Rank.R1>;
    const Wt = tf.variable(tf.randomNormal([3, 3, 3, 3])) as tf.Variable<tf.Rank.R4>;
    const before = tf.memory().numTensors;
    for (const inputGrad of [true, false]) {
      for (let i = 0; i < 3; i++) {
        const loss = () => {
          const h = conv2d(x, W, b, { stride: 2, activation: 'relu', inputGrad });
          return tf.sum(conv2dTranspose(tf.slice(h, [0, 0, 0, 0], [2, 4, 4, 3]), Wt, b.slice(0, 3), [7, 7], { stride: 2 })) as tf.Scalar;
        };
        tf.dispose(tf.variableGrads(loss, [W, b, Wt]));
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, W, b, Wt]);
  });
});

// Last: registering is for the rest of this file's process.
describe('with the trainer/wasm/ kernels registered (our GEMM, patch-packed filter gradients)', () => {
  it('still equal the stock layer and gradients on the CPU backend', async () => {
    useFastWasmKernels();
    const calls = gemmStats.calls;
    await compareWithStock();
    expect(gemmStats.calls).toBeGreaterThan(calls);
  });
});
