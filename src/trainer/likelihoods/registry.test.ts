import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { createLikelihood, LIKELIHOOD_IDS, LIKELIHOODS } from './registry';

beforeAll(async () => {
  await useTestBackend();
});

const PARAMS_PER_PIXEL: Record<string, number> = {
  bernoulli: 1,
  'gaussian-fixed': 1,
  'gaussian-learned': 2,
  beta: 2,
  categorical: 4,
  'logit-normal': 2,
  'continuous-bernoulli': 1,
};

describe('likelihood registry', () => {
  it('has every plug-in under its own id', () => {
    expect([...LIKELIHOOD_IDS].sort()).toEqual(Object.keys(PARAMS_PER_PIXEL).sort());
    for (const id of LIKELIHOOD_IDS) {
      const lik = createLikelihood(id);
      expect(lik.id).toBe(id);
      expect(lik.name).toBe(id);
      expect(lik.paramsPerPixel).toBe(PARAMS_PER_PIXEL[id]);
      expect(lik.discrete).toBe(id === 'bernoulli' || id === 'categorical');
    }
  });

  it('gives every plug-in the shapes of the layout contract, without leaking tensors', () => {
    const n = 3;
    const D = 5;
    for (const id of LIKELIHOOD_IDS) {
      const lik = createLikelihood(id);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const x = tf.randomUniform([n, D], 0, 1, 'float32', 'x');
        const params = tf.randomNormal([n, lik.paramsPerPixel * D], 0, 1, 'float32', 5) as tf.Tensor2D;
        expect(lik.logProb(x as tf.Tensor2D, params).shape, id).toEqual([n]);
        expect(lik.mean(params).shape, id).toEqual([n, D]);
        expect(lik.sample(params, 0).shape, id).toEqual([n, D]);
        if (lik.paramsPerPixel > 1) {
          const wrong = tf.zeros([n, lik.paramsPerPixel * D + 1]) as tf.Tensor2D;
          expect(() => lik.logProb(x as tf.Tensor2D, wrong), id).toThrow(/multiple of paramsPerPixel/);
        }
      });
      expect(tf.memory().numTensors, id).toBe(before);
    }
  });

  it('passes options through, with defaults', () => {
    expect(createLikelihood('categorical', { bins: 8 }).paramsPerPixel).toBe(8);
    expect(createLikelihood('categorical').paramsPerPixel).toBe(LIKELIHOODS.categorical.options.bins.default);
    const a = createLikelihood('gaussian-fixed', { variance: 0.01 });
    const b = createLikelihood('gaussian-fixed', { variance: 0.5 });
    const lp = (l: typeof a) => tf.tidy(() => l.logProb(tf.tensor2d([[0.5]]), tf.tensor2d([[0]])).dataSync()[0]);
    expect(lp(a)).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.01), 4);
    expect(lp(b)).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.5), 4);
  });

  it('rejects unknown ids and out-of-range options, naming the field', () => {
    expect(() => createLikelihood('poisson')).toThrow(/likelihood: unknown id "poisson"/);
    expect(() => createLikelihood('gaussian-fixed', { variance: 0 })).toThrow(/likelihood\.variance/);
    expect(() => createLikelihood('gaussian-fixed', { variance: Number.NaN })).toThrow(/likelihood\.variance/);
    expect(() => createLikelihood('categorical', { bins: 2.5 })).toThrow(/likelihood\.bins/);
    expect(() => createLikelihood('categorical', { bins: 1 })).toThrow(/likelihood\.bins/);
  });
});
