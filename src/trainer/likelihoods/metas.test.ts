import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { FIELDS } from '../../config/fields';
import { runName } from '../checkpoint/names';
import { OBJECTIVE_METAS } from '../objectives/metas';
import { createObjective } from '../objectives/registry';
import { useTestBackend } from '../testing/tfSetup';
import { LIKELIHOOD_METAS } from './metas';
import { createLikelihood } from './registry';

beforeAll(useTestBackend);

describe('plug-in metas', () => {
  it('agree with each likelihood’s maths: id, outputs per pixel, density', () => {
    for (const meta of LIKELIHOOD_METAS) {
      for (const bins of [2, 7]) {
        const lik = createLikelihood(meta.id, { bins });
        expect(lik.id).toBe(meta.id);
        expect(meta.outputsPerPixel({ bins, variance: 0.1 }), meta.id).toBe(lik.paramsPerPixel);
        expect(meta.density, meta.id).toBe(!lik.discrete);
      }
    }
  });

  it('agree with each objective’s maths: id and whether z is sampled', () => {
    for (const meta of OBJECTIVE_METAS) {
      const o = createObjective(meta.id);
      expect(o.id).toBe(meta.id);
      expect(o.deterministic, meta.id).toBe(meta.deterministic);
    }
  });

  it('give every option a default inside its range, and its range to the config field', () => {
    for (const meta of [...LIKELIHOOD_METAS, ...OBJECTIVE_METAS]) {
      for (const [key, spec] of Object.entries(meta.options)) {
        expect(spec.default, `${meta.id}.${key}`).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, `${meta.id}.${key}`).toBeLessThanOrEqual(spec.max);
        const field = FIELDS[key as keyof typeof FIELDS];
        expect(field.kind === 'int' || field.kind === 'number' ? [field.label, field.min, field.max] : null, key).toEqual([spec.label, spec.min, spec.max]);
        expect(field.when?.({ ...DEFAULT_CONFIG, likelihood: 'bernoulli', objective: 'elbo' }), `${key} hidden for others`).toBe(false);
      }
    }
  });

  it('name runs by their short names', () => {
    const at = new Date(2026, 0, 1, 14, 5).getTime();
    expect(runName({ ...DEFAULT_CONFIG, hidden: [60, 32], latentDim: 12, likelihood: 'bernoulli', objective: 'elbo' }, at)).toBe('MLP 60-32 · z12 · Bernoulli · 14:05');
    expect(runName({ ...DEFAULT_CONFIG, hidden: [], latentDim: 2, likelihood: 'continuous-bernoulli', objective: 'beta-vae', beta: 4 }, at)).toBe('MLP linear · z2 · CB · β=4 · 14:05');
    expect(runName({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [32, 64], latentDim: 2, likelihood: 'gaussian-fixed', objective: 'autoencoder' }, at)).toBe('Conv 32-64 · z2 · Gaussian σ² · AE · 14:05');
  });
});
