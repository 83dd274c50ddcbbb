import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { useFastWasmKernels } from './register';

beforeAll(async () => {
  await useTestBackend();
  useFastWasmKernels();
});

const data = (n: number, seed: number) => {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => 2 * r() - 1);
};

/** Runs f on both backends with the same inputs; returns [cpu, wasm] results as arrays with shapes. */
async function both(f: () => tf.Tensor) {
  const out: { shape: number[]; values: number[] }[] = [];
  for (const b of ['cpu', 'wasm']) {
    await tf.setBackend(b);
    const t = tf.tidy(f);
    out.push({ shape: t.shape, values: Array.from(t.dataSync()) });
    t.dispose();
  }
  return out;
}

describe('the WASM Sum, GatherV2 and Slice kernels', () => {
  const sums: [number[], number | number[], boolean][] = [
    [[7, 5], 0, false],
    [[25, 9], 0, true],
    [[4, 3, 6, 2], [0, 1, 2], false],
    [[4, 3, 6, 2], [1, 0], true],
    [[3, 4], -2, false],
    [[6, 7], 1, false], // innermost: the stock kernel
    [[2, 3, 4], [0, 2], false], // not leading: the stock kernel
    [[9], 0, false],
  ];
  it.each(sums)('sum of %j over %j (keepDims %s) equals the CPU backend’s', async (shape, axis, keepDims) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const [cpu, wasm] = await both(() => tf.sum(tf.tensor(data(n, n), shape), axis, keepDims));
    expect(wasm.shape).toEqual(cpu.shape);
    wasm.values.forEach((v, i) => expect(v).toBeCloseTo(cpu.values[i], 4));
  });

  // Bias gradients: many rows, summed in blocks; widths with 4-vector groups, single vectors and single floats.
  const tall: [number[], number[]][] = [
    [[3000, 37], [0]],
    [[128, 28, 28, 1], [0, 1, 2]],
    [[300, 32], [0]], // one block
    [[257, 33, 6], [0, 1]],
  ];
  it.each(tall)('sums a tall %j over %j within float32 rounding of the float64 sums', (shape, axes) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const values = data(n, 7);
    const cols = n / axes.reduce((a, i) => a * shape[i], 1);
    const got = tf.tidy(() => tf.sum(tf.tensor(values, shape), axes).dataSync());
    expect(got).toHaveLength(cols);
    for (let j = 0; j < cols; j++) {
      let [sum, abs] = [0, 0];
      for (let i = j; i < n; i += cols) [sum, abs] = [sum + values[i], abs + Math.abs(values[i])];
      expect(Math.abs(got[j] - sum), `column ${j}`).toBeLessThanOrEqual(1e-6 * abs);
    }
  });

  it('gathers rows like the CPU backend, for float and int tensors and any index shape', async () => {
    const idx = [[4, 0], [4, 2], [1, 1]];
    const [cpu, wasm] = await both(() => tf.gather(tf.tensor(data(5 * 6, 3), [5, 3, 2]), tf.tensor2d(idx, [3, 2], 'int32')));
    expect(wasm).toEqual(cpu);
    const [ci, wi] = await both(() => tf.gather(tf.tensor1d([7, 8, 9], 'int32'), tf.tensor1d([2, 2, 0], 'int32')));
    expect(wi).toEqual(ci);
    expect(wi.values).toEqual([9, 9, 7]);
    // Another axis: the stock kernel.
    const [c2, w2] = await both(() => tf.gather(tf.tensor(data(12, 4), [3, 4]), tf.tensor1d([3, 0], 'int32'), 1));
    expect(w2).toEqual(c2);
  });

  it('refuses an index out of range, as tfjs does', () => {
    const x = tf.ones([3, 2]);
    const i = tf.tensor1d([0, 3], 'int32');
    expect(() => tf.gather(x, i)).toThrow(/index value 3/);
    tf.dispose([x, i]);
  });

  const slices: [number[], number[], number[], string][] = [
    [[10, 6], [3, 0], [4, 6], 'whole rows of a matrix'],
    [[10, 6], [2, 1], [5, 3], 'a block of a matrix'],
    [[10, 6], [0, 5], [-1, 1], 'a column, size −1'],
    [[5, 3, 2], [1, 0, 0], [3, 3, 2], 'whole rows of a 3-d tensor'],
    [[5, 3, 2], [1, 1, 0], [3, 2, 2], 'a 3-d block: the stock kernel'],
    [[8], [2], [5], 'a run of a vector'],
    [[4, 4], [1, 1], [0, 2], 'nothing'],
  ];
  it.each(slices)('slices %j at %j size %j (%s) like the CPU backend, float and int', async (shape, begin, size) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const [cpu, wasm] = await both(() => tf.slice(tf.tensor(data(n, n + 1), shape), begin, size));
    expect(wasm).toEqual(cpu);
    const [ci, wi] = await both(() => tf.slice(tf.tensor(Int32Array.from({ length: n }, (_, i) => i - 7), shape, 'int32'), begin, size));
    expect(wi).toEqual(ci);
  });

  it('copies only the slice, not the whole input (no read of it)', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor(data(2000 * 784, 5), [2000, 784]);
    const backend = tf.backend() as unknown as { readSync: (...a: unknown[]) => unknown };
    const readSync = backend.readSync;
    let reads = 0;
    backend.readSync = function (this: unknown, ...a: unknown[]) {
      reads++;
      return readSync.apply(this, a);
    };
    try {
      tf.slice(x, [1500, 0], [500, 784]).dispose();
    } finally {
      backend.readSync = readSync;
      x.dispose();
    }
    expect(reads).toBe(0);
  });
});
