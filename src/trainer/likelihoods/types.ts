import type * as tf from '../tf';

/**
 * p(x|z) given the decoder's output for a batch. One file per likelihood implements this,
 * so the objective and the analysis code never branch on which one is in use.
 * `params` is the decoder output, [n, d] (for Bernoulli: logits).
 */
export interface Likelihood {
  readonly name: string;
  /** log p(x | params) per image, summed over pixels, in nats: [n]. */
  logProb(x: tf.Tensor2D, params: tf.Tensor2D): tf.Tensor1D;
  /** E[x | params], in the data's range: [n, d]. */
  mean(params: tf.Tensor2D): tf.Tensor2D;
  /** One draw x ~ p(x | params), reproducible for a given seed: [n, d]. */
  sample(params: tf.Tensor2D, seed: number): tf.Tensor2D;
}
