import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { allFinite } from './heap';

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

  it('allFinite defers to the caller off WASM', async () => {
    await tf.setBackend('cpu');
    const t = tf.ones([3]);
    expect(allFinite([t])).toBeNull();
    t.dispose();
    await tf.setBackend('wasm');
  });
});
