import * as tf from '../../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../testing/tfSetup';
import { transposeCrop } from './geometry';

beforeAll(useTestBackend);

/**
 * The app's op (tf.conv2dTranspose, explicit output size, 'same') against the full 'valid' one
 * cut to transposeCrop's window; also the same window moved by one row, to show the comparison
 * tells the two apart. Returns the max differences and the largest output value.
 */
function compare(out: [number, number], k: number) {
  const [h, w] = [transposeCrop(out[0], k, 2), transposeCrop(out[1], k, 2)];
  const inSize = [Math.ceil(out[0] / 2), Math.ceil(out[1] / 2)];
  let r = { exact: NaN, moved: null as number | null, scale: NaN };
  tf.tidy(() => {
    const x = tf.randomUniform([2, inSize[0], inSize[1], 3], -1, 1, 'float32', 11) as tf.Tensor4D;
    const W = tf.randomUniform([k, k, 2, 3], -1, 1, 'float32', 12) as tf.Tensor4D;
    const same = tf.conv2dTranspose(x, W, [2, out[0], out[1], 2], 2, 'same');
    const full = tf.conv2dTranspose(x, W, [2, h.full, w.full, 2], 2, 'valid');
    const cut = (dy: number) => tf.slice(full, [0, h.crop[0] + dy, w.crop[0], 0], [2, out[0], out[1], 2]);
    const diff = (a: tf.Tensor) => tf.max(tf.abs(tf.sub(a, same))).dataSync()[0];
    const slack = h.crop[0] + h.crop[1];
    r = {
      exact: diff(cut(0)),
      // Up a row where one was cropped above, else down one.
      moved: slack === 0 ? null : diff(cut(h.crop[0] > 0 ? -1 : 1)),
      scale: tf.max(tf.abs(same)).dataSync()[0],
    };
  });
  return r;
}

describe('transposeCrop', () => {
  it('gives TensorFlow\'s own arithmetic for the app\'s 3×3 stride-2 sizes', () => {
    // 4 → 7: full 9 rows, pad_total = 3·2 + 3 − 7 = 2, one above and one below.
    expect(transposeCrop(7, 3, 2)).toEqual({ full: 9, crop: [1, 1] });
    // 7 → 14 doubles: full 15, pad_total 1, all of it below.
    expect(transposeCrop(14, 3, 2)).toEqual({ full: 15, crop: [0, 1] });
    expect(transposeCrop(1, 3, 2)).toEqual({ full: 3, crop: [1, 1] });
  });

  it('refuses a kernel smaller than the stride', () => {
    expect(() => transposeCrop(7, 1, 2)).toThrow(/kernel 1 is smaller than stride 2/);
  });

  for (const k of [2, 3, 4, 5]) {
    it(`kernel ${k}: the cropped 'valid' transposed conv equals the 'same' one with explicit output size, every size 1–12`, () => {
      const before = tf.memory().numTensors;
      for (let out = 1; out <= 12; out++) {
        // Non-square, so a swapped axis would show.
        const other = out === 12 ? 5 : out + 1;
        const r = compare([out, other], k);
        expect(r.scale, `${out}×${other}`).toBeGreaterThan(0.5);
        expect(r.exact, `${out}×${other}`).toBeLessThan(1e-5);
        if (r.moved !== null) expect(r.moved, `${out}×${other} moved`).toBeGreaterThan(1e-2);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
