import * as tf from '../../tf';
import type { Handler } from '../types';
import { checkInt, decodeImages, drawSeed, toGrid } from './common';

/** Images the decoder makes of latent points the page chose. */
export const decodeLatents: Handler<'decodeLatents'> = async (req, ctx) => {
  const { session } = ctx;
  const d = session.model.latentDim;
  checkInt('Latent point count', req.count, 1, 400);
  if (req.latents.length !== req.count * d) {
    throw new Error(`Latent points must have ${d} values each (this model's latent dimension); got ${req.latents.length} values for ${req.count}.`);
  }
  if (!req.latents.every(Number.isFinite)) throw new Error('Latent points must be finite numbers.');
  const images = tf.tidy(() => decodeImages(session, tf.tensor2d(req.latents, [req.count, d]), req.output, drawSeed(req.seed, 4)));
  const grid = await toGrid(images, session.data.shape, req.count);
  return { result: { kind: 'decodeLatents', grid }, transfer: [grid.pixels.buffer] };
};
