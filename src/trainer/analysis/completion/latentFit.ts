import * as tf from '../../tf';
import type { ModelParts } from '../../model/loss';
import { maskedApply } from '../../maskedUpdate';
import { klToPrior, maskedLogProb } from './maskedLikelihood';

/**
 * The partial ELBO of each image: E_q[log p(x_O | z)] − KL(q(z) ‖ N(0, I)), with q = N(mu, e^logvar)
 * per image and the expectation a Monte Carlo mean over the draws eps [S, B, K] (z = mu + σ·eps,
 * the reparameterisation, so it is differentiable in mu and logvar). x is [B, D]; mask is 0/1,
 * [B, D] or [1, D]; an all-ones mask gives the ordinary ELBO. Returns [B].
 */
export function partialElbo(parts: ModelParts, x: tf.Tensor2D, mask: tf.Tensor2D, mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor3D): tf.Tensor1D {
  return tf.tidy(() => {
    const [s, b, k] = eps.shape;
    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps));
    // Row s·B + b of the flattened draws belongs to image b, and so does row s·B + b of the tiled x.
    const params = parts.model.decode(tf.reshape(z, [s * b, k]) as tf.Tensor2D);
    const tile = (t: tf.Tensor2D) => (s === 1 ? t : (tf.tile(t, [s, 1]) as tf.Tensor2D));
    // A one-row mask is shared by every image and broadcasts as it is.
    const lp = maskedLogProb(parts.likelihood, tile(x), params, mask.shape[0] === 1 ? mask : tile(mask));
    const expected = tf.mean(tf.reshape(lp, [s, b]), 0);
    return tf.sub(expected, klToPrior(mu, logvar)) as tf.Tensor1D;
  });
}

/**
 * Encoder-free inference: a diagonal Gaussian q(z|Ψ) per image, Ψ = (mu, logvar) as variables,
 * fitted by Adam to maximise the partial ELBO while the decoder stays frozen (only Ψ is updated).
 * Rows are independent images; Adam's per-coordinate steps make a batch of B the same as B
 * separate fits.
 */
export class LatentFit {
  readonly mu: tf.Variable<tf.Rank.R2>;
  readonly logvar: tf.Variable<tf.Rank.R2>;
  private readonly optimizer: tf.AdamOptimizer;

  /** Takes ownership of neither init tensor: they are copied into variables. */
  constructor(init: { mu: tf.Tensor2D; logvar: tf.Tensor2D }, learningRate: number) {
    this.mu = tf.variable(init.mu, true);
    this.logvar = tf.variable(init.logvar, true);
    this.optimizer = tf.train.adam(learningRate);
  }

  /**
   * One Adam step on the MC partial ELBO with draws eps [S, B, K]; returns that estimate per image as
   * a tensor (the caller reads it, awaited, when it needs it, and disposes it). Nothing is read here:
   * on GPU backends a synchronous read stalls or loses the device (shared/TFJS.md). A non-finite
   * estimate leaves Ψ and Adam's moments untouched, by a masked update decided on the device.
   */
  step(parts: ModelParts, x: tf.Tensor2D, mask: tf.Tensor2D, eps: tf.Tensor3D): tf.Tensor1D {
    let kept: tf.Tensor1D | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const e = partialElbo(parts, x, mask, this.mu, this.logvar, eps);
      kept = tf.keep(e);
      return tf.neg(tf.sum(e)) as tf.Scalar;
    }, [this.mu, this.logvar]);
    const ok = tf.tidy(() => tf.all(tf.isFinite(value)) as tf.Scalar);
    maskedApply(this.optimizer, [this.mu, this.logvar], grads, ok);
    tf.dispose([ok, value, ...Object.values(grads)]);
    return kept as unknown as tf.Tensor1D;
  }

  dispose(): void {
    this.optimizer.dispose();
    tf.dispose([this.mu, this.logvar]);
  }
}

/** N(0, 1) draws [S, B, K] for one step or evaluation, reproducible from a seed. */
export function drawEps(samples: number, batch: number, latentDim: number, seed: number): tf.Tensor3D {
  return tf.randomNormal<tf.Rank.R3>([samples, batch, latentDim], 0, 1, 'float32', seed);
}
