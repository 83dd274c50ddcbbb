import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIKELIHOOD_IDS, type ExperimentConfig } from '../../config/experiment';
import { isDensity, paramsPerPixel } from '../../config/likelihoodParams';
import { paramCount } from '../../config/paramCount';
import { createLikelihood } from '../likelihoods/registry';
import { useTestBackend } from '../testing/tfSetup';
import { buildModel } from './build';

beforeAll(useTestBackend);

/**
 * The page counts parameters from the config alone (src/config/paramCount.ts) so it can show a
 * model's size before TensorFlow.js loads; here that count meets the real model's variables.
 */
function realCount(config: ExperimentConfig, shape: [number, number, number]): number {
  const { model } = buildModel(config, shape);
  try {
    return model.paramCount();
  } finally {
    model.dispose();
  }
}

const cfg = (more: Partial<ExperimentConfig>): ExperimentConfig => ({ ...DEFAULT_CONFIG, ...more });

describe('the page’s parameter count', () => {
  it('agrees with every likelihood’s parameters per pixel and discreteness', () => {
    for (const id of LIKELIHOOD_IDS) {
      const lik = createLikelihood(id, { bins: 5 });
      expect(paramsPerPixel({ likelihood: id, bins: 5 }), id).toBe(lik.paramsPerPixel);
      expect(isDensity(id), id).toBe(!lik.discrete);
    }
  });

  it('agrees with the MLP model for every likelihood', () => {
    for (const likelihood of LIKELIHOOD_IDS) {
      const c = cfg({ architecture: 'mlp', hidden: [16, 8], latentDim: 3, likelihood, bins: 3 });
      expect(paramCount(c, [6, 5, 1]), likelihood).toBe(realCount(c, [6, 5, 1]));
    }
    const seed001 = cfg({ hidden: [60, 32], latentDim: 12 });
    expect(paramCount(seed001)).toBe(realCount(seed001, [28, 28, 1]));
  });

  it('agrees with the conv model for every likelihood and several depths and shapes', () => {
    for (const likelihood of LIKELIHOOD_IDS) {
      const c = cfg({ architecture: 'conv', convChannels: [4, 8], latentDim: 3, likelihood, bins: 3 });
      expect(paramCount(c, [12, 12, 1]), likelihood).toBe(realCount(c, [12, 12, 1]));
    }
    const cases: [number[], [number, number, number]][] = [
      [[32, 64], [28, 28, 1]],
      [[8], [28, 28, 1]],
      [[4, 8, 16], [28, 28, 1]],
      [[4, 6], [9, 13, 3]],
    ];
    for (const [convChannels, shape] of cases) {
      const c = cfg({ architecture: 'conv', convChannels, latentDim: 5, likelihood: 'beta' });
      expect(paramCount(c, shape), `[${convChannels}] on ${shape}`).toBe(realCount(c, shape));
    }
  });
});
