import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { convAxis } from '../model/conv/geometry';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { filterGradGemm } from './conv-gemm';
import { gemmStats } from './gemm';
import { useFastWasmKernels } from './register';

beforeAll(async () => {
  await useTestBackend();
  useFastWasmKernels();
});

const random = (shape: [number, number, number, number], seed: number) => {
  const r = mulberry32(seed);
  return tf.tensor4d(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r() - 1), shape);
};

interface Case { size: number; k: number; stride: number; ci: number; co: number; pad: 'same' | 'valid' }
const cases: Case[] = [
  { size: 14, k: 3, stride: 2, ci: 32, co: 64, pad: 'same' }, // the conv VAE's second layer
  { size: 7, k: 3, stride: 2, ci: 8, co: 5, pad: 'same' }, // odd size: padding after
  { size: 8, k: 5, stride: 1, ci: 16, co: 3, pad: 'same' },
  { size: 9, k: 3, stride: 2, ci: 8, co: 7, pad: 'valid' }, // rows the conv never reads
  { size: 6, k: 2, stride: 2, ci: 24, co: 9, pad: 'valid' },
];
const label = (c: Case) => `${c.size}px k${c.k} s${c.stride} ${c.pad} ${c.ci}→${c.co}`;

/** dL/dW for L = Σ conv2d(x, W)·dy, by tfjs's own gradient on the CPU backend. */
function reference(c: Case, x: tf.Tensor4D, dy: tf.Tensor4D): Float32Array {
  const W = random([c.k, c.k, c.ci, c.co], 9);
  const g = tf.grad((w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, w as tf.Tensor4D, c.stride, c.pad), dy)))(W);
  const out = Float32Array.from(g.dataSync());
  tf.dispose([W, g]);
  return out;
}

describe('filterGradGemm', () => {
  it.each(cases)('equals tfjs’s filter gradient (CPU backend): %o', async (c) => {
    const ax = convAxis(c.size, c.k, c.stride, c.pad);
    const n = 3;
    await tf.setBackend('cpu');
    const [x, dy] = [random([n, c.size, c.size, c.ci], 1), random([n, ax.out, ax.out, c.co], 2)];
    const want = reference(c, x, dy);
    tf.dispose([x, dy]);
    await tf.setBackend('wasm');
    const [xw, dyw] = [random([n, c.size, c.size, c.ci], 1), random([n, ax.out, ax.out, c.co], 2)];
    const calls = gemmStats.calls;
    const got = filterGradGemm(xw, dyw, c.k, c.k, c.stride, ax.before, ax.before)!;
    expect(gemmStats.calls, label(c)).toBe(calls + 1);
    expect(got.shape).toEqual([c.k, c.k, c.ci, c.co]);
    const g = got.dataSync();
    const scale = Math.max(...want.map(Math.abs));
    want.forEach((v, i) => expect(Math.abs(g[i] - v) / scale, `${label(c)} [${i}]`).toBeLessThan(1e-5));
    tf.dispose([xw, dyw, got]);
  });

  it('declines what it cannot do: channels not a multiple of 8, or another backend', async () => {
    const x = random([1, 5, 5, 3], 1);
    const dy = random([1, 5, 5, 2], 2);
    expect(filterGradGemm(x, dy, 3, 3, 1, 1, 1)).toBeNull();
    tf.dispose([x, dy]);
    await tf.setBackend('cpu');
    const [x8, dy8] = [random([1, 5, 5, 8], 1), random([1, 5, 5, 2], 2)];
    expect(filterGradGemm(x8, dy8, 3, 3, 1, 1, 1)).toBeNull();
    tf.dispose([x8, dy8]);
    await tf.setBackend('wasm');
  });
});
