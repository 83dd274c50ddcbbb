import * as tf from '../tf';
import { heapBernoulliLogProb } from '../wasm/bernoulli';
import { softplus } from './common';
import { bernoulliMeta } from './bernoulli.meta';
import type { Likelihood } from './types';

/**
 * log Bernoulli(x | sigmoid(l)) summed per image: Σ x·l − softplus(l).
 * Also valid for x in [0, 1] (grey pixels), where it is minus the binary cross-entropy —
 * but then it is no longer a normalised distribution over x (see continuous-bernoulli).
 * On WASM one SIMD kernel computes it with its gradient (wasm/bernoulli.ts); tfjs's own kernels
 * elsewhere.
 */
export function bernoulliLogProb(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  const onHeap = heapBernoulliLogProb(x, logits);
  if (onHeap) return onHeap;
  // softplus is the stable relu(l) + log1p(e^−|l|) form: e^|l| never overflows.
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), softplus(logits)), 1) as tf.Tensor1D);
}

/** E[x] = sigmoid(l). */
export function bernoulliMean(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(logits);
}

export const bernoulli: Likelihood = {
  id: bernoulliMeta.id,
  name: bernoulliMeta.id,
  label: 'Bernoulli',
  paramsPerPixel: 1,
  discrete: !bernoulliMeta.density,
  logProb: bernoulliLogProb,
  mean: bernoulliMean,
  sample(logits, seed) {
    return tf.tidy(() => {
      // Namespaced so a sample never reuses the stream of another draw with the same seed.
      const u = tf.randomUniform(logits.shape, 0, 1, 'float32', `bernoulli/${seed}`);
      return tf.cast(tf.less(u, tf.sigmoid(logits)), 'float32') as tf.Tensor2D;
    });
  },
};
