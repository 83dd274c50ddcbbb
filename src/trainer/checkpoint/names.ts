import type { ExperimentConfig } from '../../config/experiment';
import { likelihoodMeta } from '../likelihoods/metas';
import { objectiveMeta } from '../objectives/metas';

/** A default name that tells runs apart in a list and a legend: "MLP 60-32 · z12 · Bernoulli · 14:05". */
export function runName(c: ExperimentConfig, at: number): string {
  const net = c.architecture === 'conv' ? `Conv ${c.convChannels.join('-')}` : `MLP ${c.hidden.length ? c.hidden.join('-') : 'linear'}`;
  const short = objectiveMeta(c.objective).shortName(c);
  const objective = short ? ` · ${short}` : '';
  const d = new Date(at);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${net} · z${c.latentDim} · ${likelihoodMeta(c.likelihood).shortName}${objective} · ${time}`;
}
