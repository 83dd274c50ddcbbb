import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './experiment';
import { configDifferences } from './configDiff';

describe('what tells two runs apart', () => {
  it('names each differing setting with both values, as the form shows them', () => {
    const a = { ...DEFAULT_CONFIG, latentDim: 2, hidden: [60, 32] };
    const b = { ...DEFAULT_CONFIG, latentDim: 20, hidden: [60, 32], likelihood: 'gaussian-fixed' as const };
    const d = configDifferences(a, b);
    expect(d.map((x) => x.field)).toEqual(['latentDim', 'likelihood', 'variance']);
    expect(d[0]).toEqual({ field: 'latentDim', label: 'Latent dimension', values: ['2', '20'] });
    expect(d[1].values[0]).toBe('Bernoulli');
    // The variance is a setting of the Gaussian only: the Bernoulli run has none.
    expect(d[2].values[0]).toBe('—');
  });

  it('leaves out a setting neither run uses, and finds nothing between equal configs', () => {
    expect(configDifferences(DEFAULT_CONFIG, { ...DEFAULT_CONFIG })).toEqual([]);
    // β applies only to the β-VAE objective; a different stored β on two ELBO runs does not tell them apart.
    expect(configDifferences({ ...DEFAULT_CONFIG, objective: 'elbo', beta: 2 }, { ...DEFAULT_CONFIG, objective: 'elbo', beta: 4 })).toEqual([]);
  });
});
