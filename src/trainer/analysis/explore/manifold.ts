import * as tf from '../../tf';
import type { Handler } from '../types';
import { checkInt, decodeImages, toGrid } from './common';
import { manifoldLatents } from './normal';

/** The decoder's mean image over a grid of equal prior mass (Kingma & Welling's manifold figure). */
export const manifold: Handler<'manifold'> = async (req, ctx) => {
  const { session } = ctx;
  const d = session.model.latentDim;
  if (d !== 2) throw new Error(`The manifold grid needs a 2-dimensional latent space; this model's is ${d}-dimensional. Set Latent dimension to 2 and Reset.`);
  const size = checkInt('Grid size', req.size, 2, 40);
  const { latents, axis } = manifoldLatents(size);
  const images = tf.tidy(() => decodeImages(session, tf.tensor2d(latents, [size * size, 2]), 'mean', 0));
  const grid = await toGrid(images, session.data.shape, size);
  const ax = Float32Array.from(axis);
  return { result: { kind: 'manifold', grid, axis: ax }, transfer: [grid.pixels.buffer, ax.buffer] };
};
