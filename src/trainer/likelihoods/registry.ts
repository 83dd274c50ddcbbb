import { bernoulli } from './bernoulli';
import { beta } from './beta';
import { categorical, DEFAULT_BINS } from './categorical';
import { continuousBernoulli } from './continuous-bernoulli';
import { DEFAULT_VARIANCE, gaussianFixed } from './gaussian-fixed';
import { gaussianLearned } from './gaussian-learned';
import { logitNormal } from './logit-normal';
import type { Likelihood } from './types';

/** Options any likelihood may take; each factory reads only its own. */
export type LikelihoodOptions = {
  /** gaussian-fixed: the variance c of every pixel. */
  variance?: number;
  /** categorical: the number k of grey levels. */
  bins?: number;
};

/** What the page needs to draw a control for one option, and what validation enforces. */
export type OptionSpec = {
  label: string;
  min: number;
  max: number;
  default: number;
  /** Sliders over several decades should move in log space. */
  scale: 'linear' | 'log';
  integer: boolean;
};

type Entry = {
  label: string;
  options: Partial<Record<keyof LikelihoodOptions, OptionSpec>>;
  create(options: LikelihoodOptions): Likelihood;
};

const variance: OptionSpec = { label: 'variance σ²', min: 1e-3, max: 1, default: DEFAULT_VARIANCE, scale: 'log', integer: false };
const bins: OptionSpec = { label: 'levels k', min: 2, max: 256, default: DEFAULT_BINS, scale: 'linear', integer: true };

/** Adding a likelihood is one file and one line here. */
export const LIKELIHOODS = {
  bernoulli: { label: 'Bernoulli', options: {}, create: () => bernoulli },
  'gaussian-fixed': { label: 'Gaussian, fixed σ²', options: { variance }, create: (o) => gaussianFixed(o.variance ?? variance.default) },
  'gaussian-learned': { label: 'Gaussian, learned σ²', options: {}, create: () => gaussianLearned },
  beta: { label: 'Beta', options: {}, create: () => beta },
  categorical: { label: 'Categorical (k levels)', options: { bins }, create: (o) => categorical(o.bins ?? bins.default) },
  'logit-normal': { label: 'Logit-normal', options: {}, create: () => logitNormal },
  'continuous-bernoulli': { label: 'Continuous Bernoulli', options: {}, create: () => continuousBernoulli },
} as const satisfies Record<string, Entry>;

export type LikelihoodId = keyof typeof LIKELIHOODS;
export const LIKELIHOOD_IDS = Object.keys(LIKELIHOODS) as LikelihoodId[];

export function isLikelihoodId(id: string): id is LikelihoodId {
  return Object.prototype.hasOwnProperty.call(LIKELIHOODS, id);
}

/**
 * The likelihood for a config. Throws with the field's name on an unknown id or an option out of
 * its range (rather than clamping), so a bad URL or saved run is reported, not silently changed.
 */
export function createLikelihood(id: string, options: LikelihoodOptions = {}): Likelihood {
  if (!isLikelihoodId(id)) throw new Error(`likelihood: unknown id "${id}" (one of ${LIKELIHOOD_IDS.join(', ')})`);
  const entry: Entry = LIKELIHOODS[id];
  for (const [key, spec] of Object.entries(entry.options) as [keyof LikelihoodOptions, OptionSpec][]) {
    const v = options[key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v))) {
      throw new Error(`likelihood.${key}: ${v} is not ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}]`);
    }
  }
  return entry.create(options);
}
