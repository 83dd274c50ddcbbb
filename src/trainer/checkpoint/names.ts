import type { ExperimentConfig } from '../../config/experiment';

const LIKELIHOOD: Record<ExperimentConfig['likelihood'], string> = {
  bernoulli: 'Bernoulli',
  'gaussian-fixed': 'Gaussian σ²',
  'gaussian-learned': 'Gaussian',
  beta: 'Beta',
  categorical: 'Categorical',
  'logit-normal': 'logit-normal',
  'continuous-bernoulli': 'CB',
};

/** A default name that tells runs apart in a list and a legend: "MLP 60-32 · z12 · Bernoulli · 14:05". */
export function runName(c: ExperimentConfig, at: number): string {
  const net = c.architecture === 'conv' ? `Conv ${c.convChannels.join('-')}` : `MLP ${c.hidden.length ? c.hidden.join('-') : 'linear'}`;
  const objective = c.objective === 'beta-vae' ? ` · β=${c.beta}` : c.objective === 'mmd' ? ' · MMD' : c.objective === 'autoencoder' ? ' · AE' : '';
  const d = new Date(at);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${net} · z${c.latentDim} · ${LIKELIHOOD[c.likelihood]}${objective} · ${time}`;
}
