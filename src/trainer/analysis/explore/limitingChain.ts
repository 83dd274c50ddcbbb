import * as tf from '../../tf';
import type { Handler } from '../types';
import { checkInt, drawSeed, sampleQ } from './common';

/**
 * Seed 001 §III.C: start from x₀ ~ p(x|z₀), z₀ ~ N(0, I), and repeat z ~ q(z|x), x ~ p(x|z).
 * If the chain settles, its frames show the model's limiting distribution. Frame t shows x_t, or
 * with show = 'mean' the decoder mean E[x|z_t] the draw came from (easier on the eye).
 */
export const limitingChain: Handler<'limitingChain'> = async (req, ctx) => {
  const { session } = ctx;
  const count = checkInt('Chain count', req.count, 1, 100);
  const steps = checkInt('Chain steps', req.steps, 1, 500);
  const d = session.model.latentDim;
  const size = session.inputDim;
  const frames = new Uint8ClampedArray((steps + 1) * count * size);
  let z = tf.randomNormal<tf.Rank.R2>([count, d], 0, 1, 'float32', drawSeed(req.seed, 5));
  let x: tf.Tensor2D | null = null;
  try {
    for (let t = 0; t <= steps; t++) {
      const zt: tf.Tensor2D = z;
      const prev: tf.Tensor2D | null = x;
      if (t > 0) {
        // Encode the previous frame's draw (clipped: a Gaussian draw can leave [0, 1]) and sample q.
        z = tf.tidy(() => {
          const q = session.model.encode(tf.clipByValue(prev!, 0, 1) as tf.Tensor2D);
          return sampleQ(q.mu, q.logvar, drawSeed(req.seed, 6, t));
        });
        zt.dispose();
      }
      const { draw, shown } = tf.tidy(() => {
        const params = session.model.decode(z);
        const draw = session.parts.likelihood.sample(params, drawSeed(req.seed, 7, t));
        const shown = req.show === 'mean' ? session.parts.likelihood.mean(params) : draw;
        return { draw, shown: tf.mul(tf.clipByValue(shown, 0, 1), 255) };
      });
      prev?.dispose();
      x = draw;
      try {
        frames.set(await shown.data(), t * count * size);
      } finally {
        shown.dispose();
      }
      if (t % 5 === 4 || t === steps) {
        ctx.progress('Running the chain', t, steps);
        await ctx.checkpoint();
      }
    }
  } finally {
    tf.dispose([z, ...(x ? [x] : [])]);
  }
  const [height, width, channels] = session.data.shape;
  const grid = { count, cols: Math.max(1, Math.min(req.cols, count)), width, height, channels: channels as 1 | 3 };
  return { result: { kind: 'limitingChain', frames, frameCount: steps + 1, grid }, transfer: [frames.buffer] };
};
