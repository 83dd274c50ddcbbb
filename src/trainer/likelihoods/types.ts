import type * as tf from '../tf';

/**
 * p(x|z) given the decoder's output for a batch. One file per likelihood implements this,
 * so the objective and the analysis code never branch on which one is in use.
 *
 * Layout of `params` (the decoder output): [n, paramsPerPixel · D] for images of D pixels,
 * parameter-major: params[:, k·D : (k+1)·D] is parameter k for every pixel (k < paramsPerPixel).
 * So a decoder's last layer is simply `paramsPerPixel · D` wide, and parameter k of pixel j
 * sits at column k·D + j. For Bernoulli (paramsPerPixel 1) params are the logits, [n, D].
 *
 * `x` is [n, D] with pixel values in [0, 1]. Every method returns a fresh tensor and leaves
 * no intermediate tensors behind.
 */
export interface Likelihood {
  /** Registry key, stable across versions (saved runs and URLs refer to it). */
  readonly id: string;
  /** Same as `id`; kept for callers written before the registry existed. */
  readonly name: string;
  /** Human-readable name for the page. */
  readonly label: string;
  /** The decoder must output paramsPerPixel × D values per image (layout above). */
  readonly paramsPerPixel: number;
  /**
   * true when log p is a probability mass (of a binary / quantised x), so its nELBO is a
   * bound on −log P(x) and comparable across discrete models; false for densities of
   * continuous data, whose values depend on the density's support and can be positive.
   */
  readonly discrete: boolean;
  /** log p(x | params) per image, summed over pixels, in nats: [n]. */
  logProb(x: tf.Tensor2D, params: tf.Tensor2D): tf.Tensor1D;
  /** E[x | params], always within [0, 1] so it can be shown as an image: [n, D]. */
  mean(params: tf.Tensor2D): tf.Tensor2D;
  /**
   * One draw x ~ p(x | params), reproducible for a given seed: [n, D]. Draws of likelihoods
   * on the real line (Gaussians) are not clipped, so image code must clamp to [0, 1].
   */
  sample(params: tf.Tensor2D, seed: number): tf.Tensor2D;
  /**
   * Variables the likelihood owns beyond the decoder's output (e.g. one global learned
   * variance); the optimiser must update them with the model's weights. None built in use it.
   */
  readonly trainableExtras?: readonly tf.Variable[];
}
