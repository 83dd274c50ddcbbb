import type * as tf from '../tf';
import type { Likelihood } from '../likelihoods/types';

/** Everything one training step knows when it scores a batch. All tensors belong to the caller. */
export type ObjectiveContext = {
  /** The batch, [n, D] in [0, 1]. */
  x: tf.Tensor2D;
  /** q(z|x) = N(mu, e^logvar), each [n, latentDim]. */
  mu: tf.Tensor2D;
  logvar: tf.Tensor2D;
  /** The latent the decoder saw: mu + σ·eps, or mu itself when the objective is deterministic. */
  z: tf.Tensor2D;
  /** Decoder output for z, [n, likelihood.paramsPerPixel · D]. */
  params: tf.Tensor2D;
  likelihood: Likelihood;
  /** Fresh draws from the prior p(z) = N(0, I), [m, latentDim]; seeded by the caller. Only mmd calls it. */
  priorSample: () => tf.Tensor2D;
};

/** A type, not an interface, so tf.tidy and tf.dispose accept it as a TensorContainer. */
export type ObjectiveTerms = {
  /** What the optimiser minimises: recon + reg. Nats per image (batch mean). */
  loss: tf.Scalar;
  /** −E_q[log p(x|z)] with the one z given, batch mean per image. */
  recon: tf.Scalar;
  /** Analytic KL(q(z|x) ‖ N(0, I)), batch mean — reported for comparison even when not in the loss. */
  kl: tf.Scalar;
  /** What the loss adds to recon: β·KL, λ·MMD², or 0. */
  reg: tf.Scalar;
};

export interface Objective {
  /** Registry key, stable across versions. */
  readonly id: string;
  readonly label: string;
  /** true: the caller must decode z = mu (no sampling noise); see latentFor. */
  readonly deterministic: boolean;
  /** The loss and its parts. Pure: leaves no tensors behind except the four returned. */
  terms(ctx: ObjectiveContext): ObjectiveTerms;
}
