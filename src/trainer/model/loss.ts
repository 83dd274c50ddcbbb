import * as tf from '../tf';
import type { Likelihood } from '../likelihoods/types';
import { latentFor } from '../objectives/registry';
import type { Objective, ObjectiveTerms } from '../objectives/types';
import type { VaeModel } from './vae';

/** A model with the p(x|z) and objective it is trained with. */
export interface ModelParts {
  model: VaeModel;
  likelihood: Likelihood;
  objective: Objective;
}

/**
 * Scores a batch under the objective: encode, pick the latent (sampled or, for the autoencoder, the
 * mean), decode, and let the objective combine reconstruction and regulariser.
 * eps ~ N(0, I) and the prior-sample seed come from the caller, so a step is reproducible.
 */
export function lossTerms(parts: ModelParts, x: tf.Tensor2D, eps: tf.Tensor2D, priorSeed: number): ObjectiveTerms {
  return tf.tidy(() => {
    const { mu, logvar } = parts.model.encode(x);
    const z = latentFor(parts.objective, mu, logvar, eps);
    const params = parts.model.decode(z);
    return parts.objective.terms({
      x,
      mu,
      logvar,
      z,
      params,
      likelihood: parts.likelihood,
      priorSample: () => tf.randomNormal<tf.Rank.R2>(z.shape, 0, 1, 'float32', priorSeed),
    });
  });
}
