import type { ExperimentConfig, LikelihoodId } from './experiment';

/**
 * Decoder outputs per pixel for each p(x|z), mirrored from src/trainer/likelihoods/* (the page
 * must not load tfjs to know a model's size); src/trainer/model/paramCount.test.ts checks both agree.
 */
const PER_PIXEL: Record<LikelihoodId, (c: Pick<ExperimentConfig, 'bins'>) => number> = {
  bernoulli: () => 1,
  'gaussian-fixed': () => 1,
  'gaussian-learned': () => 2,
  beta: () => 2,
  categorical: (c) => c.bins,
  'logit-normal': () => 2,
  'continuous-bernoulli': () => 1,
};

export function paramsPerPixel(config: Pick<ExperimentConfig, 'likelihood' | 'bins'>): number {
  return PER_PIXEL[config.likelihood](config);
}

/**
 * Densities of continuous data: their log p depends on the support's scale and can be positive,
 * so their nELBO is not a code length and not comparable with the discrete likelihoods'.
 */
const DENSITY: Record<LikelihoodId, boolean> = {
  bernoulli: false,
  'gaussian-fixed': true,
  'gaussian-learned': true,
  beta: true,
  categorical: false,
  'logit-normal': true,
  'continuous-bernoulli': true,
};

export function isDensity(likelihood: LikelihoodId): boolean {
  return DENSITY[likelihood];
}
