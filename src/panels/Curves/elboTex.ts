import type { ExperimentConfig } from '../../config/experiment';
import { likelihoodMeta } from '../../trainer/likelihoods/metas';
import { objectiveMeta } from '../../trainer/objectives/metas';

type Parts = Pick<ExperimentConfig, 'objective' | 'beta' | 'mmdWeight' | 'mmdBandwidth' | 'likelihood' | 'variance' | 'bins'>;

/** The loss the objective minimises, per image, in terms of its parts (from the objective's meta). */
export function objectiveTex(c: Parts): string {
  return objectiveMeta(c.objective).tex(c);
}

/** log p(x|z) of the chosen likelihood, summed over pixels i; the decoder outputs the parameters. */
export function likelihoodTex(c: Parts): string {
  return String.raw`\log p(x\mid z) = \sum_i ${likelihoodMeta(c.likelihood).tex(c)}`;
}
