import { likelihoodMeta } from '../trainer/likelihoods/metas';
import type { ExperimentConfig, LikelihoodId } from './experiment';

/**
 * Decoder outputs per pixel for a config, from the likelihood's meta (the page must not load tfjs
 * to know a model's size); src/trainer/model/paramCount.test.ts checks it against the maths.
 */
export function paramsPerPixel(config: Pick<ExperimentConfig, 'likelihood' | 'bins'>): number {
  // Only bins changes any likelihood's width; variance is passed for completeness.
  return likelihoodMeta(config.likelihood).outputsPerPixel({ bins: config.bins, variance: 0 });
}

/**
 * Densities of continuous data: their log p depends on the support's scale and can be positive,
 * so their nELBO is not a code length and not comparable with the discrete likelihoods'.
 */
export function isDensity(likelihood: LikelihoodId): boolean {
  return likelihoodMeta(likelihood).density;
}
