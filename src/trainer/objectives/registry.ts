import * as tf from '../tf';
import { klPerDim, mmdRbf } from './mmd';
import { autoencoderMeta } from './autoencoder.meta';
import { betaVaeMeta } from './beta-vae.meta';
import { elboMeta } from './elbo.meta';
import { mmdMeta } from './mmd.meta';
import { isObjectiveId, OBJECTIVE_IDS, type ObjectiveId } from './metas';
import type { Objective, ObjectiveContext, ObjectiveTerms } from './types';

export { OBJECTIVE_IDS, type ObjectiveId } from './metas';

/** Options any objective may take; each reads only its own. */
export type ObjectiveOptions = {
  /** beta-vae: weight of the KL term (0 = plain reconstruction with a noisy latent). */
  beta?: number;
  /** mmd: weight λ of the MMD² term. */
  weight?: number;
  /** mmd: RBF bandwidth; default √latentDim (see mmdRbf). */
  bandwidth?: number;
};

const DEFAULT_BETA = betaVaeMeta.options.beta.default;
/** Default λ for mmd: see its meta. */
const DEFAULT_MMD_WEIGHT = mmdMeta.options.mmdWeight.default;

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
    deterministic: betaVaeMeta.deterministic,
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
    id: mmdMeta.id,
    label: `InfoVAE / MMD (λ = ${weight})`,
    deterministic: mmdMeta.deterministic,
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
  id: autoencoderMeta.id,
  label: 'Autoencoder (no regulariser)',
  deterministic: autoencoderMeta.deterministic,
  terms: (ctx) =>
    tf.tidy(() => {
      const { recon, kl } = base(ctx);
      return done(recon, kl, null);
    }),
};

/**
 * The tfjs maths of each objective in metas.ts: adding one is its meta, its function and one
 * line here (the compiler asks for it once the meta is registered).
 */
const MATHS: { [K in ObjectiveId]: (o: ObjectiveOptions) => Objective } = {
  elbo: () => betaVae(1, elboMeta.id, 'ELBO'),
  'beta-vae': (o) => betaVae(o.beta ?? DEFAULT_BETA),
  mmd: (o) => mmd(o.weight ?? DEFAULT_MMD_WEIGHT, o.bandwidth),
  autoencoder: () => autoencoder,
};

/** The objective for a config; throws naming the field on an unknown id or a bad option. */
export function createObjective(id: string, options: ObjectiveOptions = {}): Objective {
  if (!isObjectiveId(id)) throw new Error(`objective: unknown id "${id}" (one of ${OBJECTIVE_IDS.join(', ')})`);
  return MATHS[id](options);
}

/**
 * The latent to decode: mu + e^(logvar/2)·eps, or mu itself for a deterministic objective
 * (the autoencoder), which must not see eps at all. The gradient is written out (dz to mu,
 * dz·½e^(logvar/2)·eps to logvar; eps is data): tfjs's own took ~15 small kernels a step.
 */
export function latentFor(objective: Objective, mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  if (objective.deterministic) return tf.clone(mu);
  // The inputs are listed so the tape links them; the forward reads them from the closure.
  const op = tf.customGrad((_mu, _logvar, save) => {
    const noise = tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps);
    (save as tf.GradSaveFunc)([noise]);
    return {
      value: tf.add(mu, noise) as tf.Tensor2D,
      gradFunc: (dz: tf.Tensor, [ns]: tf.Tensor[]) => [tf.clone(dz), tf.mul(dz, tf.mul(ns, 0.5))],
    };
  });
  return op(mu, logvar) as tf.Tensor2D;
}
