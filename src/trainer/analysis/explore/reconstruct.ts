import * as tf from '../../tf';
import type { Handler } from '../types';
import { decodeImages, drawSeed, resolveSelection, sampleQ, testImagesTensor, toGrid } from './common';

/** Pairs (original, reconstruction) of chosen test images, at the posterior mean or a draw of q(z|x). */
export const reconstruct: Handler<'reconstruct'> = async (req, ctx) => {
  const { session } = ctx;
  const indices = resolveSelection(session, req.select);
  const out = tf.tidy(() => {
    const x = testImagesTensor(session, indices);
    const { mu, logvar } = session.model.encode(x);
    const z = req.latent === 'sample' ? sampleQ(mu, logvar, drawSeed(req.seed, 1)) : mu;
    const rec = decodeImages(session, z, 'mean', 0);
    return tf.reshape(tf.stack([x, rec], 1), [2 * indices.length, session.inputDim]) as tf.Tensor2D;
  });
  const grid = await toGrid(out, session.data.shape, Math.min(8, 2 * indices.length));
  const idx = Int32Array.from(indices);
  const labels = Uint8Array.from(indices, (i) => session.data.test.labels[i]);
  return { result: { kind: 'reconstruct', grid, indices: idx, labels }, transfer: [grid.pixels.buffer, idx.buffer, labels.buffer] };
};
