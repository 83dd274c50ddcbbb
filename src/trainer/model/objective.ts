import * as tf from '../tf';
import { bernoulli } from '../likelihoods/bernoulli';
import type { Likelihood } from '../likelihoods/types';
import type { VaeModel } from './vae';

/** KL(N(mu, exp(logvar)) ‖ N(0, I)) per image, in nats: −½ Σ (1 + logvar − mu² − exp(logvar)). */
export function gaussianKl(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const inner = tf.sub(tf.add(logvar, 1), tf.add(tf.square(mu), tf.exp(logvar)));
    return tf.mul(tf.sum(inner, 1), -0.5) as tf.Tensor1D;
  });
}

/** z = mu + σ·eps with σ = exp(½ logvar): the sample is a differentiable function of mu, logvar. */
export function reparameterize(mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps)));
}

/** A type, not an interface, so tf.tidy and tf.dispose accept it as a TensorContainer. */
export type ElboTerms = {
  /** nELBO = recon + kl, batch mean per image. */
  loss: tf.Scalar;
  /** −E_q[log p(x|z)] (one sample), batch mean per image. */
  recon: tf.Scalar;
  /** KL(q(z|x) ‖ p(z)), batch mean per image. */
  kl: tf.Scalar;
};

/**
 * The negative ELBO and its two parts, in nats per image.
 * eps ~ N(0, I) of shape [n, latentDim] comes from the caller, so a step is reproducible.
 * Inside optimizer.minimize only the returned loss survives the tidy: tf.keep recon and kl
 * there if they are wanted afterwards (and dispose them).
 */
export function elboTerms(
  model: VaeModel,
  x: tf.Tensor2D,
  eps: tf.Tensor2D,
  likelihood: Likelihood = bernoulli,
): ElboTerms {
  return tf.tidy(() => {
    const { mu, logvar } = model.encode(x);
    const z = reparameterize(mu, logvar, eps);
    const recon = tf.neg(tf.mean(likelihood.logProb(x, model.decode(z)))) as tf.Scalar;
    const kl = tf.mean(gaussianKl(mu, logvar)) as tf.Scalar;
    return { loss: tf.add(recon, kl) as tf.Scalar, recon, kl };
  });
}
