import * as tf from '../tf';
import { pixelCount, uniform } from './common';
import { categoricalMeta } from './categorical.meta';
import type { Likelihood } from './types';

export const DEFAULT_BINS = categoricalMeta.options.bins.default;

/**
 * Categorical over k grey levels v_i = i/(k − 1), i = 0…k−1: x is quantised to the nearest
 * level (bin i covers [(i − ½)/(k−1), (i + ½)/(k−1)] ∩ [0, 1]), and v_i stands for the bin.
 * Levels rather than the centres (i + ½)/k of k equal-width bins so black stays 0 and white 1
 * in means and samples (MNIST's background would otherwise show as grey 1/(2k)), and so k = 2
 * is exactly Bernoulli on x binarised at ½.
 * The log-probability is a PMF over these k levels per pixel — not over 256 grey values —
 * so its nELBO is comparable with other models of the same k-level data only.
 * Parameter i (the block params[:, i·D:(i+1)·D]) is the logit of level i.
 */
export function categorical(bins: number = DEFAULT_BINS): Likelihood {
  if (!Number.isInteger(bins) || bins < 2 || bins > 256) {
    throw new Error(`bins must be an integer from 2 to 256, got ${bins}`);
  }
  const k = bins;
  const levels = Array.from({ length: k }, (_, i) => i / (k - 1));
  /** [n, k·D] → [n, D, k]: one row of k logits per pixel. */
  const perPixel = (params: tf.Tensor2D): tf.Tensor3D => {
    return tf.transpose(tf.reshape(params, [params.shape[0], k, pixelCount(params, k)]), [0, 2, 1]);
  };
  return {
    id: categoricalMeta.id,
    name: categoricalMeta.id,
    label: `Categorical (${k} levels)`,
    paramsPerPixel: k,
    discrete: !categoricalMeta.density,
    logProb(x, params) {
      return tf.tidy(() => {
        const logits = perPixel(params);
        const logp = tf.sub(logits, tf.logSumExp(logits, 2, true));
        // Nearest level. No ties for 8-bit data: j(k−1)/255 = i + ½ needs 2j(k−1) = 255(2i+1), even = odd.
        const index = tf.cast(tf.clipByValue(tf.floor(tf.add(tf.mul(x, k - 1), 0.5)), 0, k - 1), 'int32');
        // Cast explicitly: mul's implicit int32 → float32 upcast breaks tfjs's backprop (null dy in Cast).
        const picked = tf.sum(tf.mul(logp, tf.cast(tf.oneHot(index as tf.Tensor2D, k), 'float32')), 2);
        return tf.sum(picked, 1) as tf.Tensor1D;
      });
    },
    mean(params) {
      return tf.tidy(() => tf.sum(tf.mul(tf.softmax(perPixel(params)), tf.tensor1d(levels)), 2) as tf.Tensor2D);
    },
    sample(params, seed) {
      return tf.tidy(() => {
        // Gumbel-max: argmax(logits + G) is a draw from softmax(logits); elementwise ops only.
        const logits = perPixel(params);
        const u = uniform(logits.shape, `categorical/${seed}`);
        const gumbel = tf.neg(tf.log(tf.neg(tf.log(tf.maximum(u, 1e-12)))));
        return tf.div(tf.cast(tf.argMax(tf.add(logits, gumbel), 2), 'float32'), k - 1) as tf.Tensor2D;
      });
    },
  };
}
