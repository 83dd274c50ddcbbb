/**
 * Races worth running in a lecture: two runs that differ in one choice, side by side on one
 * timeline. Each side is a preset where one fits (so its run carries the preset's name), else the
 * default model with that one change. Sized like the presets: a point visible in a minute or two.
 */
import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { PRESET_GROUPS, presetRunName } from './presets';

/** One side of a race: the run's name and the settings it trains with. */
export interface RaceSide {
  name: string;
  config: ExperimentConfig;
}

export interface RacePair {
  id: string;
  title: string;
  /** What to watch as they train. */
  lookAt: string;
  sides: [RaceSide, RaceSide];
}

function presetSide(id: string): RaceSide {
  for (const g of PRESET_GROUPS) {
    const p = g.presets.find((x) => x.id === id);
    if (p) return { name: presetRunName(g, p), config: p.config };
  }
  throw new Error(`No preset ${id}`);
}

const quick: Partial<ExperimentConfig> = { epochs: 3 };
const side = (name: string, over: Partial<ExperimentConfig>): RaceSide => ({ name, config: { ...DEFAULT_CONFIG, ...quick, ...over } });

export const RACE_PAIRS: RacePair[] = [
  {
    id: 'latent-2-20',
    title: 'Latent size 2 against 20',
    lookAt: 'The 20-D run reconstructs sharper and reaches a lower nELBO; the 2-D run lays the digits out on a plane you read directly.',
    sides: [presetSide('seed004-latent2'), presetSide('seed004-latent20')],
  },
  {
    id: 'beta-0.5-4',
    title: 'β = 0.5 against β = 4',
    lookAt: 'A large β pulls the codes toward the prior: lower KL, blurrier reconstructions, and the latent scatter’s classes run together.',
    sides: [side('β = 0.5', { objective: 'beta-vae', beta: 0.5 }), side('β = 4', { objective: 'beta-vae', beta: 4 })],
  },
  {
    id: 'bernoulli-gaussian',
    title: 'Bernoulli against Gaussian p(x|z)',
    lookAt: 'The same network with two likelihoods: the Gaussian’s reconstructions are greyer and blurrier. Their nELBOs are on different scales (a probability against a density): compare pictures, not numbers.',
    sides: [side('Bernoulli', { likelihood: 'bernoulli' }), side('Gaussian, σ² = 0.1', { likelihood: 'gaussian-fixed', variance: 0.1 })],
  },
];
