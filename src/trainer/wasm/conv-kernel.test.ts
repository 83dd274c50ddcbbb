import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { convStats, THIN_TAPS } from './conv-direct';
import { useFastWasmKernels } from './register';

beforeAll(async () => {
  await useTestBackend();
  useFastWasmKernels();
});

const random = (shape: number[], seed: number) => {
  const r = mulberry32(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r() - 1), shape);
};

type Pad = 'same' | 'valid' | tf.backend_util.ExplicitPadding;
interface Case { size: [number, number]; k: [number, number]; stride: number; ci: number; co: number; pad: Pad; bias: boolean; relu: boolean }
const cases: Case[] = [
  { size: [14, 14], k: [3, 3], stride: 2, ci: 32, co: 64, pad: 'same', bias: true, relu: true }, // the conv VAE's second layer
  { size: [7, 7], k: [2, 2], stride: 1, ci: 64, co: 32, pad: [[0, 0], [0, 1], [0, 1], [0, 0]], bias: true, relu: true }, // a transposed-conv phase
  { size: [7, 7], k: [1, 2], stride: 1, ci: 16, co: 8, pad: [[0, 0], [0, 0], [1, 0], [0, 0]], bias: false, relu: false },
  { size: [9, 13], k: [3, 5], stride: 2, ci: 8, co: 16, pad: 'same', bias: true, relu: false }, // odd, non-square
  { size: [8, 8], k: [3, 3], stride: 1, ci: 12, co: 8, pad: 'valid', bias: false, relu: true },
  { size: [13, 14], k: [3, 3], stride: 1, ci: 8, co: 16, pad: 'same', bias: true, relu: true }, // rows end in 2: two columns of 6-row tiles, 1 row left
  { size: [5, 20], k: [1, 1], stride: 3, ci: 9, co: 24, pad: 'valid', bias: true, relu: false }, // 7 outputs a row: 6 + 1
  { size: [28, 28], k: [3, 3], stride: 2, ci: 1, co: 32, pad: 'same', bias: true, relu: true }, // a first layer: the thin kernel
  { size: [6, 7], k: [3, 3], stride: 1, ci: 3, co: 8, pad: 'same', bias: false, relu: false }, // 27 taps: thin, 7 a row: 6 + 1
  { size: [9, 9], k: [4, 4], stride: 3, ci: 2, co: 16, pad: 'valid', bias: true, relu: false }, // 32 taps: thin
  { size: [6, 6], k: [3, 3], stride: 1, ci: 4, co: 8, pad: 'same', bias: false, relu: false }, // 36 taps, < 8 channels: stock
];
const ours = (c: Case) => c.ci >= 8 || c.k[0] * c.k[1] * c.ci <= THIN_TAPS;
const label = (c: Case) => `${c.size.join('×')} k${c.k.join('×')} s${c.stride} ${JSON.stringify(c.pad)} ${c.ci}→${c.co}${c.bias ? ' +b' : ''}${c.relu ? ' relu' : ''}`;

function run(c: Case): { shape: number[]; fused: Float32Array; plain: Float32Array } {
  return tf.tidy(() => {
    const x = random([2, ...c.size, c.ci], 1) as tf.Tensor4D;
    const W = random([...c.k, c.ci, c.co], 2) as tf.Tensor4D;
    const b = c.bias ? (random([c.co], 3) as tf.Tensor1D) : undefined;
    const attrs = { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', dilations: [1, 1], activation: c.relu ? 'relu' : 'linear' };
    // The kernels themselves, as layers.ts runs them (no gradient tape in between).
    const fused = tf.engine().runKernel('FusedConv2D', b ? { x, filter: W, bias: b } : { x, filter: W }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    const plain = tf.conv2d(x, W, c.stride, c.pad);
    return { shape: fused.shape, fused: Float32Array.from(fused.dataSync()), plain: Float32Array.from(plain.dataSync()) };
  });
}

describe('the WASM Conv2D / FusedConv2D kernels (direct convolution)', () => {
  it.each(cases)('equal the CPU backend: %o', async (c) => {
    await tf.setBackend('cpu');
    const want = run(c);
    await tf.setBackend('wasm');
    const calls = convStats.calls;
    const got = run(c);
    // Both calls on our kernels, or (under 8 input channels and more than THIN_TAPS taps) both on tfjs's.
    expect(convStats.calls - calls, label(c)).toBe(ours(c) ? 2 : 0);
    expect(got.shape, label(c)).toEqual(want.shape);
    for (const key of ['fused', 'plain'] as const) {
      const scale = Math.max(...want[key].map(Math.abs));
      got[key].forEach((v, i) => expect(Math.abs(v - want[key][i]) / scale, `${label(c)} ${key} [${i}]`).toBeLessThan(1e-5));
    }
  });

  it('leaks no tensors and keeps tfjs’s byte count', () => {
    const x = random([2, 6, 6, 8], 1) as tf.Tensor4D;
    const W = random([3, 3, 8, 8], 2) as tf.Tensor4D;
    tf.dispose(tf.conv2d(x, W, 1, 'same'));
    const [tensors, bytes] = [tf.memory().numTensors, tf.memory().numBytes];
    for (let i = 0; i < 5; i++) tf.dispose(tf.conv2d(x, W, 2, 'same'));
    expect([tf.memory().numTensors, tf.memory().numBytes]).toEqual([tensors, bytes]);
    tf.dispose([x, W]);
  });
});
