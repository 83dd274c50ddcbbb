import * as tf from '../tf';
import type { Likelihood } from './types';

/**
 * log Bernoulli(x | sigmoid(l)) summed per image: Σ x·l − softplus(l).
 * Also valid for x in [0, 1] (grey pixels), where it is minus the binary cross-entropy.
 */
export function bernoulliLogProb(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    // softplus(l) = relu(l) + log1p(exp(−|l|)): exp never overflows, and for large |l| the
    // log1p term vanishes instead of becoming log(inf) or log(1 + tiny) = 0 − cancellation.
    const softplus = tf.add(tf.relu(logits), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return tf.sum(tf.sub(tf.mul(x, logits), softplus), 1) as tf.Tensor1D;
  });
}

/** E[x] = sigmoid(l). */
export function bernoulliMean(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(logits);
}

export const bernoulli: Likelihood = {
  name: 'bernoulli',
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
