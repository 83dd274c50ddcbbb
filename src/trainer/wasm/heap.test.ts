import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { allFinite, heapUnitRows } from './heap';

beforeAll(useTestBackend);

describe('heap helpers', () => {
  it('allFinite finds a NaN or an infinity anywhere, in the vector body or the tail', () => {
    // 11 floats: 8 in two SIMD vectors, 3 in the JS tail.
    for (const at of [0, 5, 8, 10]) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const v = Float32Array.from({ length: 11 }, (_, i) => i - 5);
        v[at] = bad;
        const t = [tf.ones([6]), tf.tensor1d(v)];
        expect(allFinite(t), `${bad} at ${at}`).toBe(false);
        tf.dispose(t);
      }
    }
    const fine = [tf.tensor1d([3e38, -3e38, 0, -0, 1e-45]), tf.zeros([0]), tf.ones([9, 3])];
    expect(allFinite(fine)).toBe(true);
    tf.dispose(fine);
  });

  it('heapUnitRows builds picked rows as v / 255 in float32, every byte value, SIMD body and tail alike', () => {
    // 37 rows of 13 bytes (4 × 8 per row pass through the SIMD body across rows, 1 float in the tail), every value 0–255 present.
    const dim = 13;
    const bytes = Uint8Array.from({ length: 37 * dim }, (_, i) => (i * 7) % 256);
    const idx = Int32Array.from({ length: 37 }, (_, r) => (r * 11) % 37);
    const before = tf.memory().numTensors;
    const t = heapUnitRows(bytes, dim, idx)!;
    expect(t.shape).toEqual([37, dim]);
    const got = t.dataSync();
    idx.forEach((row, r) => {
      for (let j = 0; j < dim; j++) expect(got[r * dim + j], `row ${r}, column ${j}`).toBe(Math.fround(bytes[row * dim + j] / 255));
    });
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // All 256 values, in order.
    const all = heapUnitRows(Uint8Array.from({ length: 256 }, (_, v) => v), 256, [0])!;
    expect(Array.from(all.dataSync())).toEqual(Array.from({ length: 256 }, (_, v) => Math.fround(v / 255)));
    all.dispose();
  });

  it('allFinite defers to the caller off WASM', async () => {
    await tf.setBackend('cpu');
    const t = tf.ones([3]);
    expect(allFinite([t])).toBeNull();
    expect(heapUnitRows(new Uint8Array(8), 8, [0])).toBeNull();
    t.dispose();
    await tf.setBackend('wasm');
  });
});
