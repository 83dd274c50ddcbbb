import * as tf from '../../tf';
import type { Handler } from '../types';
import { checkInt, checkNumber, decodeImages, drawSeed, toGrid } from './common';

/** Decoded z = T·ε, ε ~ N(0, I) from a seed, so the same seed shows the same codes as the model trains. */
export const priorSamples: Handler<'priorSamples'> = async (req, ctx) => {
  const { session } = ctx;
  checkInt('Sample count', req.count, 1, 400);
  checkNumber('Temperature', req.temperature, 0, 10);
  const images = tf.tidy(() => {
    const eps = tf.randomNormal<tf.Rank.R2>([req.count, session.model.latentDim], 0, 1, 'float32', drawSeed(req.seed, 2));
    return decodeImages(session, tf.mul(eps, req.temperature) as tf.Tensor2D, req.output, drawSeed(req.seed, 3));
  });
  const grid = await toGrid(images, session.data.shape, req.cols);
  return { result: { kind: 'priorSamples', grid }, transfer: [grid.pixels.buffer] };
};
