import * as tf from '../../tf';
import type { Handler } from '../types';
import { checkInt, decodeImages, resolveSelection, testImagesTensor, toGrid } from './common';
import { interpolationPath } from './interpolate';

const MAX_PAIRS = 10;

/**
 * One row per pair: `steps` decoder means on the path between the two posterior means, framed by
 * the pair itself — the test images as they are ('originals') or the decoder's images of their
 * codes ('decoded', the path's own ends at t = 0 and 1).
 */
export const interpolateHandler: Handler<'interpolate'> = async (req, ctx) => {
  const { session } = ctx;
  const { pairs, method } = req;
  const steps = checkInt('Steps', req.steps, 1, 30);
  if (pairs.length === 0) throw new Error('Pick two test images to interpolate between.');
  if (pairs.length > MAX_PAIRS) throw new Error(`At most ${MAX_PAIRS} pairs can be shown at once (got ${pairs.length}).`);
  const ends = resolveSelection(session, { by: 'indices', indices: pairs.flat() });
  const d = session.model.latentDim;
  const mu = tf.tidy(() => session.model.encode(testImagesTensor(session, ends)).mu);
  const codes = (await mu.data()) as Float32Array;
  mu.dispose();
  const cols = steps + 2;
  const path = new Float32Array(pairs.length * cols * d);
  pairs.forEach((_, p) => {
    const a = codes.subarray(2 * p * d, (2 * p + 1) * d);
    const b = codes.subarray((2 * p + 1) * d, (2 * p + 2) * d);
    path.set(interpolationPath(a, b, steps, method), p * cols * d);
  });
  const images = tf.tidy(() => decodeImages(session, tf.tensor2d(path, [pairs.length * cols, d]), 'mean', 0));
  const grid = await toGrid(images, session.data.shape, cols);
  if (req.ends === 'originals') {
    // Copied from the dataset's own bytes, so each row's ends are exactly the picked images.
    const size = session.inputDim;
    const src = session.data.test.images;
    ends.forEach((idx, e) => {
      const tile = Math.floor(e / 2) * cols + (e % 2 === 0 ? 0 : cols - 1);
      grid.pixels.set(src.subarray(idx * size, (idx + 1) * size), tile * size);
    });
  }
  return { result: { kind: 'interpolate', grid }, transfer: [grid.pixels.buffer] };
};
