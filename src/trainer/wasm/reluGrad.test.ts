import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { splitForTesting } from './pool';
import { heapReluGrad } from './reluGrad';

beforeAll(useTestBackend);
afterEach(() => splitForTesting(1));

/** dy and y of `n` floats, a quarter of y exactly 0 and a third negative. */
function inputs(n: number, seed: number): { dy: Float32Array; y: Float32Array } {
  const r = mulberry32(seed);
  const y = Float32Array.from({ length: n }, () => (r() < 0.25 ? 0 : 2 * r() - 0.7));
  return { dy: Float32Array.from({ length: n }, () => 4 * r() - 2), y };
}

const run = (dy: Float32Array, y: Float32Array, shape: number[]) =>
  tf.tidy(() => heapReluGrad(tf.tensor(dy, shape), tf.tensor(y, shape))!.dataSync() as Float32Array);

describe('relu backward on the WASM heap', () => {
  it.each([[[128, 400]], [[3, 5, 7, 2]], [[13]]])('is dy where y > 0 and 0 elsewhere, shape %j (SIMD body and scalar tail)', (shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const { dy, y } = inputs(n, n);
    const got = run(dy, y, shape);
    const want = y.map((v, i) => (v > 0 ? dy[i] : 0));
    expect(got.length).toBe(n);
    expect(Array.from(got).every((v, i) => v === want[i])).toBe(true);
    // and so equal to tfjs's step(y)·dy
    const stock = tf.tidy(() => tf.mul(tf.tensor(dy), tf.step(tf.tensor(y))).dataSync());
    expect(Array.from(got).every((v, i) => v === stock[i])).toBe(true);
  });

  it('splits over threads bit for bit and leaks nothing', () => {
    const { dy, y } = inputs(128 * 14 * 14 * 32 + 3, 9);
    const shape = [dy.length];
    const one = run(dy, y, shape);
    for (const n of [2, 3]) {
      splitForTesting(n);
      const before = tf.memory().numTensors;
      expect(run(dy, y, shape)).toEqual(one);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('declines shapes that differ', () => {
    tf.tidy(() => {
      expect(heapReluGrad(tf.zeros([2, 4]), tf.zeros([4, 2]))).toBeNull();
    });
  });
});
