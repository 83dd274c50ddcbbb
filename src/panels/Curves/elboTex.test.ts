import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIKELIHOOD_IDS, OBJECTIVE_IDS, type ExperimentConfig } from '../../config/experiment';
import { likelihoodTex, objectiveTex } from './elboTex';

const cfg = (over: Partial<ExperimentConfig>): ExperimentConfig => ({ ...DEFAULT_CONFIG, ...over });

describe('objectiveTex', () => {
  it('shows reconstruction + KL for the ELBO, with no weight', () => {
    const t = objectiveTex(cfg({ objective: 'elbo' }));
    expect(t).toContain('nELBO');
    expect(t).toContain(String.raw`\mathrm{KL}`);
    expect(t).not.toContain(String.raw`\beta`);
  });

  it('weighs the KL by β and shows its value for β-VAE', () => {
    const t = objectiveTex(cfg({ objective: 'beta-vae', beta: 4 }));
    expect(t).toContain(String.raw`\beta\cdot`);
    expect(t).toContain(String.raw`\beta = 4`);
    expect(objectiveTex(cfg({ objective: 'beta-vae', beta: 0.25 }))).toContain(String.raw`\beta = 0.25`);
  });

  it('replaces the KL by λ·MMD² for MMD-VAE and drops it for the autoencoder', () => {
    const m = objectiveTex(cfg({ objective: 'mmd', mmdWeight: 1000 }));
    expect(m).toContain(String.raw`\mathrm{MMD}^2`);
    expect(m).toContain(String.raw`\lambda = 1000`);
    expect(m).not.toContain(String.raw`\mathrm{KL}`);
    const a = objectiveTex(cfg({ objective: 'autoencoder' }));
    expect(a).not.toContain(String.raw`\mathrm{KL}\!`);
    expect(a).toContain(String.raw`\mu(x)`);
  });
});

describe('likelihoodTex', () => {
  it("names each likelihood's parameters", () => {
    expect(likelihoodTex(cfg({ likelihood: 'bernoulli' }))).toContain(String.raw`\log\lambda_i`);
    expect(likelihoodTex(cfg({ likelihood: 'gaussian-fixed', variance: 0.1 }))).toContain(String.raw`c = \sigma^2 = 0.1`);
    expect(likelihoodTex(cfg({ likelihood: 'gaussian-learned' }))).toContain(String.raw`\sigma_i^2`);
    expect(likelihoodTex(cfg({ likelihood: 'categorical', bins: 16 }))).toContain('k = 16');
    expect(likelihoodTex(cfg({ likelihood: 'logit-normal' }))).toContain(String.raw`\operatorname{logit}`);
    expect(likelihoodTex(cfg({ likelihood: 'continuous-bernoulli' }))).toContain(String.raw`C(\lambda_i)`);
    expect(likelihoodTex(cfg({ likelihood: 'beta' }))).toContain(String.raw`\mathrm{B}(a_i, b_i)`);
  });

  it('writes tiny variances without exponent notation KaTeX would print literally', () => {
    expect(likelihoodTex(cfg({ likelihood: 'gaussian-fixed', variance: 1e-4 }))).toContain(String.raw`1.0\times 10^{-4}`);
  });

  it('gives TeX that KaTeX parses for every objective and likelihood', () => {
    for (const objective of OBJECTIVE_IDS) {
      for (const likelihood of LIKELIHOOD_IDS) {
        const c = cfg({ objective, likelihood });
        for (const tex of [objectiveTex(c), likelihoodTex(c)]) {
          expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
        }
      }
    }
  });
});
