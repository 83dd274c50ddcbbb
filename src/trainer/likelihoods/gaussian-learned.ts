import * as tf from '../tf';
import { boundedLogvar, gaussianLogDensity, normal, paramBlocks } from './common';
import { gaussianLearnedMeta } from './gaussian-learned.meta';
import type { Likelihood } from './types';

/**
 * N(x; μ, σ²) per pixel with both learned: parameter 0 is the mean's logit (μ = sigmoid, so
 * the mean is always a showable image), parameter 1 the raw log-variance, bounded below by
 * LOGVAR_FLOOR (σ ≥ 0.01) with a softplus so σ → 0 cannot make the density — and the loss —
 * infinite (seed report 004).
 */
function split(params: tf.Tensor2D): { mu: tf.Tensor2D; logvar: tf.Tensor2D } {
  const [m, v] = paramBlocks(params, 2);
  return { mu: tf.sigmoid(m), logvar: boundedLogvar(v) };
}

export const gaussianLearned: Likelihood = {
  id: gaussianLearnedMeta.id,
  name: gaussianLearnedMeta.id,
  label: 'Gaussian (learned σ per pixel)',
  paramsPerPixel: 2,
  discrete: !gaussianLearnedMeta.density,
  logProb(x, params) {
    return tf.tidy(() => {
      const { mu, logvar } = split(params);
      return tf.sum(gaussianLogDensity(x, mu, logvar), 1) as tf.Tensor1D;
    });
  },
  mean: (params) => tf.tidy(() => split(params).mu),
  sample(params, seed) {
    return tf.tidy(() => {
      const { mu, logvar } = split(params);
      const eps = normal(mu.shape, `gaussian-learned/${seed}`);
      return tf.add(mu, tf.mul(eps, tf.exp(tf.mul(logvar, 0.5)))) as tf.Tensor2D;
    });
  },
};
