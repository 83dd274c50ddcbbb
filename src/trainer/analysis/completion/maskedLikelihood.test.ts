import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { createLikelihood, LIKELIHOOD_IDS } from '../../likelihoods/registry';
import { useTestBackend } from '../../testing/tfSetup';
import { mulberry32 } from '../../random';
import { klToPrior, maskedLogProb, perPixelLogProb } from './maskedLikelihood';

beforeAll(async () => {
  await useTestBackend();
});

const N = 3;
const D = 12;

function setup(id: string, seed: number) {
  const lik = createLikelihood(id);
  const rand = mulberry32(seed);
  const P = lik.paramsPerPixel;
  // Pixels on the 8-bit grid, exact 0s and 1s included, as MNIST has them.
  const x = Array.from({ length: N }, () => Array.from({ length: D }, () => Math.round(rand() * 255) / 255));
  for (const row of x) row[0] = 0;
  for (const row of x) row[1] = 1;
  const params = Array.from({ length: N }, () => Array.from({ length: P * D }, () => 4 * rand() - 2));
  const mask = Array.from({ length: N }, () => Array.from({ length: D }, () => (rand() < 0.5 ? 1 : 0)));
  return { lik, P, x, params, mask };
}

const run = (f: () => tf.Tensor) => tf.tidy(() => Array.from(f().dataSync()));

describe.each(LIKELIHOOD_IDS)('masked log-likelihood, %s', (id) => {
  it('with an all-ones mask equals the likelihood’s own logProb', () => {
    const { lik, x, params } = setup(id, 1);
    const full = run(() => lik.logProb(tf.tensor2d(x), tf.tensor2d(params)));
    const masked = run(() => maskedLogProb(lik, tf.tensor2d(x), tf.tensor2d(params), tf.ones([1, D])));
    masked.forEach((v, i) => expect(v).toBeCloseTo(full[i], 3));
  });

  it('equals logProb of the observed pixels alone, picked out by hand from the parameter-major layout', () => {
    const { lik, P, x, params, mask } = setup(id, 2);
    const masked = run(() => maskedLogProb(lik, tf.tensor2d(x), tf.tensor2d(params), tf.tensor2d(mask)));
    for (let i = 0; i < N; i++) {
      const obs = mask[i].flatMap((m, j) => (m ? [j] : []));
      const xs = obs.map((j) => x[i][j]);
      const ps = Array.from({ length: P }, (_, k) => obs.map((j) => params[i][k * D + j])).flat();
      const expected = obs.length ? run(() => lik.logProb(tf.tensor2d([xs]), tf.tensor2d([ps])))[0] : 0;
      expect(masked[i]).toBeCloseTo(expected, 3);
    }
  });

  it('ignores the unknown pixels exactly: changing them changes nothing, to the bit', () => {
    const { lik, x, params, mask } = setup(id, 3);
    const changed = x.map((row, i) => row.map((v, j) => (mask[i][j] ? v : 1 - v + 0.123)));
    const a = run(() => maskedLogProb(lik, tf.tensor2d(x), tf.tensor2d(params), tf.tensor2d(mask)));
    const b = run(() => maskedLogProb(lik, tf.tensor2d(changed), tf.tensor2d(params), tf.tensor2d(mask)));
    expect(b).toEqual(a);
  });

  it('passes no gradient to the parameters of unknown pixels, and the full gradient to observed ones', () => {
    const { lik, P, x, params, mask } = setup(id, 4);
    const grad = (m: number[][]) =>
      tf.tidy(() => {
        const xt = tf.tensor2d(x);
        const mt = tf.tensor2d(m);
        return tf.grad((p: tf.Tensor) => tf.sum(maskedLogProb(lik, xt, p as tf.Tensor2D, mt)))(tf.tensor2d(params)).arraySync() as number[][];
      });
    const fullGrad = tf.tidy(() => {
      const xt = tf.tensor2d(x);
      return tf.grad((p: tf.Tensor) => tf.sum(lik.logProb(xt, p as tf.Tensor2D)))(tf.tensor2d(params)).arraySync() as number[][];
    });
    const g = grad(mask);
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < P; k++) {
        for (let j = 0; j < D; j++) {
          if (mask[i][j]) expect(g[i][k * D + j]).toBeCloseTo(fullGrad[i][k * D + j], 4);
          else expect(Math.abs(g[i][k * D + j])).toBe(0);
        }
      }
    }
  });
});

describe('per-pixel terms', () => {
  it('sum to logProb and leave no tensors behind', () => {
    const { lik, x, params } = setup('bernoulli', 5);
    const before = tf.memory().numTensors;
    const xt = tf.tensor2d(x);
    const pt = tf.tensor2d(params);
    const per = perPixelLogProb(lik, xt, pt);
    expect(per.shape).toEqual([N, D]);
    // Bernoulli per pixel: x·l − softplus(l).
    const v = per.arraySync();
    const l = params[0][5];
    expect(v[0][5]).toBeCloseTo(x[0][5] * l - Math.log1p(Math.exp(l)), 5);
    tf.dispose([xt, pt, per]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses parameters of the wrong width, naming both sizes', () => {
    const lik = createLikelihood('categorical');
    expect(() => tf.tidy(() => perPixelLogProb(lik, tf.zeros([1, 4]), tf.zeros([1, 12])))).toThrow(/12 is not 4 × 4/);
  });
});

describe('KL to the prior', () => {
  it('matches the closed form ½Σ(μ² + σ² − 1 − log σ²)', () => {
    const mu = [[0.5, -1], [0, 0]];
    const lv = [[Math.log(0.25), 0.3], [0, 0]];
    const kl = run(() => klToPrior(tf.tensor2d(mu), tf.tensor2d(lv)));
    const ref = mu.map((m, i) => 0.5 * m.reduce((s, v, k) => s + v * v + Math.exp(lv[i][k]) - 1 - lv[i][k], 0));
    expect(kl[0]).toBeCloseTo(ref[0], 5);
    expect(kl[1]).toBe(0);
  });
});
