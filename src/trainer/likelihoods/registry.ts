import { bernoulli } from './bernoulli';
import { beta } from './beta';
import { categorical } from './categorical';
import { continuousBernoulli } from './continuous-bernoulli';
import { gaussianFixed } from './gaussian-fixed';
import { gaussianLearned } from './gaussian-learned';
import { logitNormal } from './logit-normal';
import type { LikelihoodOptions, OptionSpec } from './meta';
import { isLikelihoodId, LIKELIHOOD_IDS, LIKELIHOOD_METAS, likelihoodMeta, type LikelihoodId } from './metas';
import type { Likelihood } from './types';

export type { LikelihoodOptions, OptionSpec } from './meta';
export { isLikelihoodId, LIKELIHOOD_IDS, type LikelihoodId } from './metas';

type Defaults = Required<LikelihoodOptions>;

/**
 * The tfjs maths of each likelihood in metas.ts (the compiler asks for a line here once a meta
 * is registered there). Each factory gets every option, defaults filled in from the metas.
 */
const MATHS: { [K in LikelihoodId]: (o: Defaults) => Likelihood } = {
  bernoulli: () => bernoulli,
  'gaussian-fixed': (o) => gaussianFixed(o.variance),
  'gaussian-learned': () => gaussianLearned,
  beta: () => beta,
  categorical: (o) => categorical(o.bins),
  'logit-normal': () => logitNormal,
  'continuous-bernoulli': () => continuousBernoulli,
};

/** Each likelihood's options and ranges, by id (from its meta). */
export const LIKELIHOODS = Object.fromEntries(LIKELIHOOD_METAS.map((m) => [m.id, m])) as {
  [M in (typeof LIKELIHOOD_METAS)[number] as M['id']]: M;
};

/** Every option's default, whichever likelihood reads it. */
function defaults(): Defaults {
  const out: Partial<Defaults> = {};
  for (const id of LIKELIHOOD_IDS) {
    for (const [key, spec] of Object.entries(likelihoodMeta(id).options) as [keyof Defaults, OptionSpec][]) out[key] = spec.default;
  }
  return out as Defaults;
}

/**
 * The likelihood for a config. Throws with the field's name on an unknown id or an option out of
 * its range (rather than clamping), so a bad URL or saved run is reported, not silently changed.
 */
export function createLikelihood(id: string, options: LikelihoodOptions = {}): Likelihood {
  if (!isLikelihoodId(id)) throw new Error(`likelihood: unknown id "${id}" (one of ${LIKELIHOOD_IDS.join(', ')})`);
  const meta = likelihoodMeta(id);
  const filled = defaults();
  for (const [key, spec] of Object.entries(meta.options) as [keyof LikelihoodOptions, OptionSpec][]) {
    const v = options[key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v))) {
      throw new Error(`likelihood.${key}: ${v} is not ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}]`);
    }
    filled[key] = v;
  }
  return MATHS[id](filled);
}
