import { describe, expect, it } from 'vitest';
import { paramCount } from './paramCount';
import { estimateSeconds } from './runTime';
import { PRESET_GROUPS, PRESETS } from './presets';
import { validateConfig } from './validate';

describe('seed-report presets', () => {
  it('are valid configs with unique ids, each naming its figure and what to look at', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const v = validateConfig(p.config);
      expect(v.ok ? null : v.errors, p.id).toBeNull();
    }
    for (const g of PRESET_GROUPS) {
      expect(g.figure, g.id).toMatch(/Fig|Table/);
      expect(g.lookAt.length, g.id).toBeGreaterThan(60);
      expect(g.presets.length, g.id).toBeGreaterThan(0);
    }
  });

  it('each trains in about two minutes on a laptop (the run-time estimate), so a lecture sees the point', () => {
    for (const p of PRESETS) expect(estimateSeconds(p.config), p.id).toBeGreaterThan(60);
    for (const p of PRESETS) expect(estimateSeconds(p.config), p.id).toBeLessThan(150);
  });

  it('seed 001: models A–E as in Table I, one parameter short of the report for its shared σ', () => {
    const models = PRESET_GROUPS.find((g) => g.id === 'seed001-models')!.presets;
    expect(models.map((p) => p.config.hidden)).toEqual([[], [32], [64], [60, 32], [60, 32, 20]]);
    for (const p of models) expect(p.config).toMatchObject({ latentDim: 12, batchSize: 64, learningRate: 1e-3, optimizer: 'adam', architecture: 'mlp' });
    // Table I: 29033, 52201, 103593, 100065, 100953, each with one learned σ.
    expect(models.map((p) => paramCount(p.config) + 1)).toEqual([29033, 52201, 103593, 100065, 100953]);
  });

  it('covers the other reports’ comparisons', () => {
    const configs = (id: string) => PRESET_GROUPS.find((g) => g.id === id)!.presets.map((p) => p.config);
    expect(configs('seed003-likelihoods').map((c) => c.likelihood)).toEqual(['gaussian-learned', 'beta', 'categorical', 'bernoulli']);
    for (const c of configs('seed003-likelihoods')) expect(c).toMatchObject({ architecture: 'conv', batchSize: 256, patience: 5, latentDim: 16 });
    expect(configs('seed003-latent').map((c) => c.latentDim)).toEqual([2, 16]);
    expect(configs('seed004-latent').map((c) => [c.latentDim, c.likelihood, c.dataset])).toEqual([
      [2, 'bernoulli', 'mnist-binary-static'],
      [20, 'bernoulli', 'mnist-binary-static'],
    ]);
    expect(configs('seed004-continuous').map((c) => c.likelihood)).toEqual(['gaussian-learned', 'logit-normal']);
    expect(configs('seed000-beta').map((c) => [c.objective, c.beta, c.architecture])).toEqual([0.1, 0.5, 1.5, 2].map((b) => ['beta-vae', b, 'conv']));
    expect(configs('fashion-conv')).toEqual([expect.objectContaining({ dataset: 'fashion-mnist', architecture: 'conv', likelihood: 'bernoulli' })]);
    expect(configs('seed002-mmd').map((c) => [c.objective, c.dataset])).toEqual([
      ['elbo', 'shapes-28px-10000-seed1'],
      ['mmd', 'shapes-28px-10000-seed1'],
    ]);
  });
});
