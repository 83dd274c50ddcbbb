import * as tf from '../../tf';
import type { Likelihood } from '../../likelihoods/types';

/**
 * log p(x_j | params_j) for every pixel j: [n, D].
 *
 * Every built-in p(x|z) is a product over pixels, and `logProb` sums that product over the
 * columns it is given. Reshaping the parameter-major [n, P·D] output to [n·D, P] (and x to
 * [n·D, 1]) presents each pixel as its own one-pixel image, so the likelihood's own `logProb`
 * returns one term per pixel — no per-likelihood code, and only reshape/transpose, whose
 * gradients every backend has (a column gather's gradient needs UnsortedSegmentSum, which
 * the WASM backend lacks).
 */
export function perPixelLogProb(likelihood: Likelihood, x: tf.Tensor2D, params: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, d] = x.shape;
    const p = likelihood.paramsPerPixel;
    if (params.shape[1] !== p * d) {
      throw new Error(`decoder output width ${params.shape[1]} is not ${p} × ${d} pixels`);
    }
    const pixelRows = p === 1 ? tf.reshape(params, [n * d, 1]) : tf.reshape(tf.transpose(tf.reshape(params, [n, p, d]), [0, 2, 1]), [n * d, p]);
    const lp = likelihood.logProb(tf.reshape(x, [n * d, 1]) as tf.Tensor2D, pixelRows as tf.Tensor2D);
    return tf.reshape(lp, [n, d]) as tf.Tensor2D;
  });
}

/**
 * log p(x_O | params): the log-likelihood of the observed pixels only, per image: [n].
 * `mask` is 0/1, [n, D] or [1, D] (broadcast). Unknown pixels are zeroed before the likelihood
 * sees them and their terms multiplied by 0, so their values cannot change the result at all.
 */
export function maskedLogProb(likelihood: Likelihood, x: tf.Tensor2D, params: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const lp = perPixelLogProb(likelihood, tf.mul(x, mask) as tf.Tensor2D, params);
    return tf.sum(tf.mul(lp, mask), 1) as tf.Tensor1D;
  });
}

/** KL(N(mu, e^logvar) ‖ N(0, I)) per row: [n]. */
export function klToPrior(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mul(tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(logvar)), tf.add(logvar, 1)), 1), 0.5) as tf.Tensor1D);
}
