import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { mulberry32 } from '../random';
import { useTestBackend } from '../testing/tfSetup';
import { heapInterleave } from './interleave';
import { splitForTesting } from './pool';

beforeAll(useTestBackend);
afterEach(() => splitForTesting(1));

const random = (shape: number[], seed: number) => {
  const r = mulberry32(seed);
  return tf.tensor4d(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r() - 1), shape as [number, number, number, number]);
};

/** The definition, element by element: out[b, i·s + rh, j·s + rw, :] = phase (rh, rw)[b, i, j, :]. */
function reference(phases: Float32Array[], [n, h, w, c]: number[], s: number, H: number, W: number): Float32Array {
  const out = new Float32Array(n * H * W * c).fill(NaN);
  for (let rh = 0; rh < s; rh++) for (let rw = 0; rw < s; rw++) {
    const p = phases[rh * s + rw];
    for (let b = 0; b < n; b++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) {
      const [y, x] = [i * s + rh, j * s + rw];
      if (y >= H || x >= W) continue;
      for (let k = 0; k < c; k++) out[((b * H + y) * W + x) * c + k] = p[((b * h + i) * w + j) * c + k];
    }
  }
  return out;
}

describe('the transposed conv phases put in place on the WASM heap', () => {
  it.each([
    [2, [3, 4, 4, 8], 8, 8],
    [2, [3, 4, 4, 8], 7, 7], // an odd size: the last row and column cropped
    [3, [2, 3, 2, 5], 8, 6],
    [2, [5, 7, 7, 1], 14, 13], // one channel: blocks of one float
  ] as [number, number[], number, number][])('stride %i, phases %j, into %i × %i, from a list and from channels', (s, shape, H, W) => {
    const [n, h, w, c] = shape;
    const phases = Array.from({ length: s * s }, (_, p) => random(shape, 10 + p));
    const want = reference(phases.map((t) => t.dataSync() as Float32Array), shape, s, H, W);
    expect(want.some(Number.isNaN)).toBe(false); // every output element is some phase's
    const packed = tf.tidy(() => tf.reshape(tf.stack(phases.map((t) => tf.reshape(t, [n * h * w, c])), 1), [n, h, w, s * s * c]) as tf.Tensor4D);
    for (const threads of [1, 2, 3]) {
      splitForTesting(threads);
      const before = tf.memory().numTensors;
      for (const input of [phases, packed]) {
        const got = heapInterleave(input, s, H, W)!;
        expect(got.shape).toEqual([n, H, W, c]);
        expect(got.dataSync()).toEqual(want);
        got.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.dispose([...phases, packed]);
  });

  it('declines an output the phases do not cover', () => {
    const t = random([1, 4, 4, 8], 1);
    expect(heapInterleave([t, t, t, t], 2, 9, 8)).toBeNull();
    expect(heapInterleave([t, t, t], 2, 8, 8)).toBeNull();
    t.dispose();
  });
});
