import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { bernoulli } from '../likelihoods/bernoulli';
import { useTestBackend } from '../testing/tfSetup';
import { mmdRbf } from './mmd';
import { createObjective, latentFor, OBJECTIVE_IDS } from './registry';
import type { Objective, ObjectiveContext } from './types';

beforeAll(async () => {
  await useTestBackend();
});

/** A fixed batch: x, q(z|x) and a stand-in decoder (a fixed linear map of z to logits). */
function context(objective: Objective, epsSeed = 1): ObjectiveContext {
  const x = tf.tensor2d([[1, 0, 1, 0.5], [0, 0, 1, 1], [0.2, 1, 0, 0]]);
  const mu = tf.tensor2d([[0.5, -1], [0, 0.3], [2, 1]]);
  const logvar = tf.tensor2d([[-1, 0], [0.5, -2], [0, 0]]);
  const eps = tf.randomNormal([3, 2], 0, 1, 'float32', epsSeed) as tf.Tensor2D;
  const z = latentFor(objective, mu, logvar, eps);
  const params = tf.matMul(z, tf.tensor2d([[1, -1, 0.5, 2], [0, 1, -1, 0.3]])) as tf.Tensor2D;
  return { x, mu, logvar, z, params, likelihood: bernoulli, priorSample: () => tf.randomNormal([16, 2], 0, 1, 'float32', 9) as tf.Tensor2D };
}

/** The four terms as numbers, and the tensor count before/after (leak check). */
function evaluate(objective: Objective, epsSeed = 1) {
  return tf.tidy(() => {
    const ctx = context(objective, epsSeed);
    const before = tf.memory().numTensors;
    const t = objective.terms(ctx);
    const leaked = tf.memory().numTensors - before - 4;
    const [loss, recon, kl, reg] = [t.loss, t.recon, t.kl, t.reg].map((s) => s.dataSync()[0]);
    const zs = Array.from(ctx.z.dataSync());
    return { loss, recon, kl, reg, leaked, zs, byHand: -tf.mean(bernoulli.logProb(ctx.x, ctx.params)).dataSync()[0] };
  });
}

describe('objectives', () => {
  it('registers elbo, beta-vae, mmd and autoencoder', () => {
    expect([...OBJECTIVE_IDS].sort()).toEqual(['autoencoder', 'beta-vae', 'elbo', 'mmd']);
    for (const id of OBJECTIVE_IDS) expect(createObjective(id).id).toBe(id);
  });

  it('elbo: loss = recon + analytic KL, and nothing leaks', () => {
    const t = evaluate(createObjective('elbo'));
    expect(t.leaked).toBe(0);
    expect(t.loss).toBeCloseTo(t.recon + t.kl, 5);
    expect(t.reg).toBeCloseTo(t.kl, 6);
    expect(t.recon).toBeCloseTo(t.byHand, 6);
    // KL by hand for the fixed mu/logvar above.
    const mu = [[0.5, -1], [0, 0.3], [2, 1]];
    const lv = [[-1, 0], [0.5, -2], [0, 0]];
    const kl = mu.reduce((s, r, i) => s + r.reduce((u, m, j) => u - 0.5 * (1 + lv[i][j] - m * m - Math.exp(lv[i][j])), 0), 0) / 3;
    expect(t.kl).toBeCloseTo(kl, 5);
  });

  it('beta-vae: loss = recon + β·KL, and β = 0 is the reconstruction alone', () => {
    const t4 = evaluate(createObjective('beta-vae', { beta: 4 }));
    expect(t4.loss).toBeCloseTo(t4.recon + 4 * t4.kl, 4);
    const t0 = evaluate(createObjective('beta-vae', { beta: 0 }));
    expect(t0.leaked).toBe(0);
    expect(t0.loss).toBe(t0.recon);
    expect(t0.reg).toBe(0);
    expect(t0.kl).toBeGreaterThan(0); // still reported
    expect(() => createObjective('beta-vae', { beta: -1 })).toThrow(/objective\.beta/);
  });

  it('mmd: loss = recon + λ·MMD²(z, prior sample), KL reported beside it', () => {
    const t = evaluate(createObjective('mmd', { weight: 10, bandwidth: 1.5 }));
    expect(t.leaked).toBe(0);
    const want = tf.tidy(() => {
      const z = tf.tensor2d(t.zs, [3, 2]);
      return 10 * mmdRbf(z, tf.randomNormal([16, 2], 0, 1, 'float32', 9) as tf.Tensor2D, 1.5).dataSync()[0];
    });
    expect(t.reg).toBeCloseTo(want, 5);
    expect(t.loss).toBeCloseTo(t.recon + t.reg, 5);
    expect(t.kl).toBeCloseTo(evaluate(createObjective('elbo')).kl, 6);
    expect(() => createObjective('mmd', { bandwidth: 0 })).toThrow(/objective\.bandwidth/);
  });

  it('autoencoder: z = mu whatever the noise, loss = recon', () => {
    const ae = createObjective('autoencoder');
    expect(ae.deterministic).toBe(true);
    const a = evaluate(ae, 1);
    const b = evaluate(ae, 2);
    expect(a.zs).toEqual(b.zs);
    expect(a.zs).toEqual([0.5, -1, 0, 0.3, 2, 1].map(Math.fround));
    expect(a.loss).toBe(b.loss);
    expect(a.loss).toBe(a.recon);
    expect(a.reg).toBe(0);
    // The stochastic objectives do see the noise.
    expect(evaluate(createObjective('elbo'), 1).zs).not.toEqual(evaluate(createObjective('elbo'), 2).zs);
  });

  it('gives the loss a finite gradient through the decoder parameters', () => {
    for (const id of OBJECTIVE_IDS) {
      const obj = createObjective(id);
      const g = tf.tidy(() => {
        const ctx = context(obj);
        return Array.from(tf.grad((p: tf.Tensor) => obj.terms({ ...ctx, params: p as tf.Tensor2D }).loss)(ctx.params).dataSync());
      });
      expect(g.every(Number.isFinite), id).toBe(true);
    }
  });

  it('rejects unknown ids', () => {
    expect(() => createObjective('wasserstein')).toThrow(/objective: unknown id/);
  });
});

describe('latentFor', () => {
  it('has the gradient of z = mu + e^(logvar/2)·eps: w to mu, w·½e^(logvar/2)·eps to logvar', () => {
    const mu = [[0.5, -1], [0, 0.3]];
    const lv = [[-1, 0], [0.5, -2]];
    const eps = [[1.5, -0.2], [0.7, 2]];
    const w = [[1, -2], [0.5, 3]];
    const [gmu, glv, z] = tf.tidy(() => {
      const sample = (m: tf.Tensor, l: tf.Tensor) => latentFor(createObjective('elbo'), m as tf.Tensor2D, l as tf.Tensor2D, tf.tensor2d(eps));
      const f = (m: tf.Tensor, l: tf.Tensor) => tf.sum(tf.mul(sample(m, l), tf.tensor2d(w)));
      const g = tf.grads(f)([tf.tensor2d(mu), tf.tensor2d(lv)]).map((t) => t.arraySync() as number[][]);
      return [...g, sample(tf.tensor2d(mu), tf.tensor2d(lv)).arraySync() as number[][]];
    });
    mu.forEach((row, i) =>
      row.forEach((m, j) => {
        const s = Math.exp(lv[i][j] / 2);
        expect(z[i][j]).toBeCloseTo(m + s * eps[i][j], 5);
        expect(gmu[i][j]).toBeCloseTo(w[i][j], 5);
        expect(glv[i][j]).toBeCloseTo(w[i][j] * 0.5 * s * eps[i][j], 5);
      }),
    );
  });
});
