import { bernoulliMeta } from './bernoulli.meta';
import { betaMeta } from './beta.meta';
import { categoricalMeta } from './categorical.meta';
import { continuousBernoulliMeta } from './continuous-bernoulli.meta';
import { gaussianFixedMeta } from './gaussian-fixed.meta';
import { gaussianLearnedMeta } from './gaussian-learned.meta';
import { logitNormalMeta } from './logit-normal.meta';
import type { LikelihoodMeta, LikelihoodOptionKey, OptionSpec } from './meta';

/**
 * Every likelihood's metadata, in menu order: the one list both threads read (the page must not
 * load tfjs, so this file imports metas only). Adding a likelihood adds one line here; see README.md.
 */
export const LIKELIHOOD_METAS = [
  bernoulliMeta,
  gaussianFixedMeta,
  gaussianLearnedMeta,
  betaMeta,
  categoricalMeta,
  logitNormalMeta,
  continuousBernoulliMeta,
] as const;

export type LikelihoodId = (typeof LIKELIHOOD_METAS)[number]['id'];
export const LIKELIHOOD_IDS: readonly LikelihoodId[] = LIKELIHOOD_METAS.map((m) => m.id);

export function isLikelihoodId(id: string): id is LikelihoodId {
  return LIKELIHOOD_IDS.includes(id as LikelihoodId);
}

export function likelihoodMeta(id: LikelihoodId): LikelihoodMeta<LikelihoodId> {
  return LIKELIHOOD_METAS.find((m) => m.id === id)!;
}

/** Each option with the likelihood that reads it (an option belongs to one likelihood). */
export function likelihoodOption(key: LikelihoodOptionKey): { owner: LikelihoodId; spec: OptionSpec } {
  for (const m of LIKELIHOOD_METAS) {
    const spec = (m.options as LikelihoodMeta['options'])[key];
    if (spec) return { owner: m.id, spec };
  }
  throw new Error(`likelihood option "${key}" belongs to no likelihood`);
}
