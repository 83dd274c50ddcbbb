import * as tf from '../tf';
import { LOG_2PI, normal } from './common';
import { gaussianFixedMeta } from './gaussian-fixed.meta';
import type { Likelihood } from './types';

/** Default variance c: see the meta. */
export const DEFAULT_VARIANCE = gaussianFixedMeta.options.variance.default;

/**
 * N(x; μ = sigmoid(out), c) per pixel with a fixed variance c. The full log-density, including
 * −½log(2πc), so nELBOs at different c are on the same (density) scale; c alone sets how much
 * reconstruction weighs against the KL (the squared error is divided by 2c).
 */
export function gaussianFixed(variance: number = DEFAULT_VARIANCE): Likelihood {
  if (!(variance > 0) || !Number.isFinite(variance)) {
    throw new Error(`variance must be a positive number, got ${variance}`);
  }
  const logNorm = -0.5 * (LOG_2PI + Math.log(variance));
  return {
    id: gaussianFixedMeta.id,
    name: gaussianFixedMeta.id,
    label: `Gaussian (fixed σ² = ${variance})`,
    paramsPerPixel: 1,
    discrete: !gaussianFixedMeta.density,
    logProb(x, params) {
      return tf.tidy(() => {
        const sq = tf.sum(tf.square(tf.sub(x, tf.sigmoid(params))), 1);
        return tf.add(tf.mul(sq, -0.5 / variance), logNorm * x.shape[1]) as tf.Tensor1D;
      });
    },
    mean: (params) => tf.sigmoid(params),
    sample(params, seed) {
      return tf.tidy(() => {
        const eps = normal(params.shape, `gaussian-fixed/${seed}`);
        return tf.add(tf.sigmoid(params), tf.mul(eps, Math.sqrt(variance))) as tf.Tensor2D;
      });
    },
  };
}
