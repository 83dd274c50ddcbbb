import * as tf from '../tf';
import { klPerDim, mmdRbf } from './mmd';
import type { Objective, ObjectiveContext, ObjectiveTerms } from './types';

/** Options any objective may take; each reads only its own. */
export type ObjectiveOptions = {
  /** beta-vae: weight of the KL term (0 = plain reconstruction with a noisy latent). */
  beta?: number;
  /** mmd: weight λ of the MMD² term. */
  weight?: number;
  /** mmd: RBF bandwidth; default √latentDim (see mmdRbf). */
  bandwidth?: number;
};

const DEFAULT_BETA = 4;
/**
 * Default λ for mmd. MMD² is O(1/batch) to O(1) while recon is hundreds of nats, so it needs
 * a large weight to shape q(z) at all; InfoVAE's examples use ~1000 for MNIST.
 */
const DEFAULT_MMD_WEIGHT = 1000;

/** −mean log p(x|z) and the analytic KL: every objective reports both. */
function base(ctx: ObjectiveContext): { recon: tf.Scalar; kl: tf.Scalar } {
  const recon = tf.neg(tf.mean(ctx.likelihood.logProb(ctx.x, ctx.params))) as tf.Scalar;
  return { recon, kl: tf.sum(klPerDim(ctx.mu, ctx.logvar)) as tf.Scalar };
}

function done(recon: tf.Scalar, kl: tf.Scalar, reg: tf.Scalar | null): ObjectiveTerms {
  // No regulariser adds nothing at all (not 0·KL), so loss is recon bit for bit and a
  // non-finite KL cannot reach the loss through 0·∞ = NaN.
  const r = reg ?? tf.scalar(0);
  return { loss: reg ? (tf.add(recon, reg) as tf.Scalar) : tf.clone(recon), recon, kl, reg: r };
}

function betaVae(beta: number, id = 'beta-vae', label = `β-VAE (β = ${beta})`): Objective {
  if (!(beta >= 0) || !Number.isFinite(beta)) throw new Error(`objective.beta: ${beta} is not a number ≥ 0`);
  return {
    id,
    label,
    deterministic: false,
    terms: (ctx) =>
      tf.tidy(() => {
        const { recon, kl } = base(ctx);
        return done(recon, kl, beta === 0 ? null : (tf.mul(kl, beta) as tf.Scalar));
      }),
  };
}

function mmd(weight: number, bandwidth?: number): Objective {
  if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`objective.weight: ${weight} is not a number ≥ 0`);
  if (bandwidth !== undefined && !(bandwidth > 0 && Number.isFinite(bandwidth))) {
    throw new Error(`objective.bandwidth: ${bandwidth} is not a positive number`);
  }
  return {
    id: 'mmd',
    label: `InfoVAE / MMD (λ = ${weight})`,
    deterministic: false,
    // KL(q(z|x) ‖ p) per image is replaced by a divergence between the aggregate q(z) — the
    // batch's codes — and the prior, so codes may be sharp as long as together they look N(0, I).
    terms: (ctx) =>
      tf.tidy(() => {
        const { recon, kl } = base(ctx);
        if (weight === 0) return done(recon, kl, null);
        const prior = ctx.priorSample();
        const reg = tf.mul(mmdRbf(ctx.z, prior, bandwidth), weight) as tf.Scalar;
        return done(recon, kl, reg);
      }),
  };
}

const autoencoder: Objective = {
  id: 'autoencoder',
  label: 'Autoencoder (no regulariser)',
  deterministic: true,
  terms: (ctx) =>
    tf.tidy(() => {
      const { recon, kl } = base(ctx);
      return done(recon, kl, null);
    }),
};

/** Adding an objective is one function and one line here. */
export const OBJECTIVES = {
  elbo: { label: 'ELBO', create: () => betaVae(1, 'elbo', 'ELBO') },
  'beta-vae': { label: 'β-VAE', create: (o: ObjectiveOptions) => betaVae(o.beta ?? DEFAULT_BETA) },
  mmd: { label: 'InfoVAE (MMD)', create: (o: ObjectiveOptions) => mmd(o.weight ?? DEFAULT_MMD_WEIGHT, o.bandwidth) },
  autoencoder: { label: 'Autoencoder', create: () => autoencoder },
} as const;

export type ObjectiveId = keyof typeof OBJECTIVES;
export const OBJECTIVE_IDS = Object.keys(OBJECTIVES) as ObjectiveId[];

/** The objective for a config; throws naming the field on an unknown id or a bad option. */
export function createObjective(id: string, options: ObjectiveOptions = {}): Objective {
  if (!Object.prototype.hasOwnProperty.call(OBJECTIVES, id)) {
    throw new Error(`objective: unknown id "${id}" (one of ${OBJECTIVE_IDS.join(', ')})`);
  }
  return OBJECTIVES[id as ObjectiveId].create(options);
}

/**
 * The latent to decode: mu + e^(logvar/2)·eps, or mu itself for a deterministic objective
 * (the autoencoder), which must not see eps at all.
 */
export function latentFor(objective: Objective, mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  if (objective.deterministic) return tf.clone(mu);
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps)) as tf.Tensor2D);
}
