import * as tf from '../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { bernoulliLogProb } from '../likelihoods/bernoulli';
import { useTestBackend } from '../testing/tfSetup';
import { elboTerms, gaussianKl, reparameterize } from './objective';
import { createMlpVae } from './vae';

beforeAll(useTestBackend);

const kl = (mu: number[][], logvar: number[][]) =>
  tf.tidy(() => Array.from(gaussianKl(tf.tensor2d(mu), tf.tensor2d(logvar)).dataSync()));

describe('gaussianKl', () => {
  it('equals the closed form at hand-picked points', () => {
    const [a, b, c, d] = kl(
      [[1, 1, 1], [0, 0, 0], [0, 0, 0], [2, -1, 0]],
      [[0, 0, 0], [0, 0, 0], [Math.LN2, 0, 0], [0, -1, 0.5]],
    );
    expect(a).toBeCloseTo(1.5, 6); // mu = 1, logvar = 0: ½ per dimension
    expect(b).toBeCloseTo(0, 6); // q = p
    expect(c).toBeCloseTo(0.5 * (1 - Math.LN2), 6); // σ² = 2: ½(σ² − 1 − log σ²)
    const perDim = (m: number, lv: number) => 0.5 * (m * m + Math.exp(lv) - 1 - lv);
    expect(d).toBeCloseTo(perDim(2, 0) + perDim(-1, -1) + perDim(0, 0.5), 5);
  });

  it('agrees with a Monte-Carlo estimate of E_q[log q − log p] within 1%', () => {
    const mu = [0.5, -1, 2];
    const logvar = [0, -1, 0.7];
    const exact = kl([mu], [logvar])[0];
    const mc = tf.tidy(() => {
      const eps = tf.randomNormal([200_000, 3], 0, 1, 'float32', 7) as tf.Tensor2D;
      const lv = tf.tensor1d(logvar);
      const z = reparameterize(tf.tensor2d([mu]), tf.tensor2d([logvar]), eps);
      // log q(z) − log p(z) = Σ_d ½(z² − eps² − logvar); the log 2π terms cancel
      return tf.mean(tf.sum(tf.mul(tf.sub(tf.sub(tf.square(z), tf.square(eps)), lv), 0.5), 1)).arraySync() as number;
    });
    expect(Math.abs(mc - exact) / exact).toBeLessThan(0.01);
  });
});

describe('reparameterize', () => {
  it('is mu + exp(½ logvar)·eps, differentiable in mu and logvar', () => {
    const out = tf.tidy(() => {
      const eps = tf.tensor2d([[1, -2]]);
      const z = reparameterize(tf.tensor2d([[3, 0]]), tf.tensor2d([[2 * Math.log(2), 0]]), eps);
      const [gMu, gLv] = tf.grads((m: tf.Tensor, l: tf.Tensor) =>
        tf.sum(reparameterize(m as tf.Tensor2D, l as tf.Tensor2D, eps)),
      )([tf.tensor2d([[3, 0]]), tf.tensor2d([[2 * Math.log(2), 0]])]);
      return [z, gMu, gLv].map((t) => Array.from(t.dataSync()));
    });
    expect(out[0][0]).toBeCloseTo(5, 5); // 3 + 2·1
    expect(out[0][1]).toBeCloseTo(-2, 5);
    expect(out[1]).toEqual([1, 1]);
    expect(out[2][0]).toBeCloseTo(1, 5); // ½·σ·eps = ½·2·1
    expect(out[2][1]).toBeCloseTo(-1, 5);
  });
});

describe('elboTerms', () => {
  it('is recon + kl, each computed as defined, and leaks nothing', () => {
    const model = createMlpVae({ inputDim: 12, hidden: [6], latentDim: 3, seed: 5 });
    const x = tf.tidy(() => tf.cast(tf.greater(tf.randomUniform([4, 12], 0, 1, 'float32', 1), 0.5), 'float32')) as tf.Tensor2D;
    const eps = tf.randomNormal([4, 3], 0, 1, 'float32', 2) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const t = elboTerms(model, x, eps);
    const [loss, recon, klv] = [t.loss, t.recon, t.kl].map((s) => s.arraySync() as number);
    tf.dispose(t);
    expect(tf.memory().numTensors).toBe(before);
    const [wantRecon, wantKl] = tf.tidy(() => {
      const { mu, logvar } = model.encode(x);
      const logits = model.decode(reparameterize(mu, logvar, eps));
      return [tf.neg(tf.mean(bernoulliLogProb(x, logits))), tf.mean(gaussianKl(mu, logvar))].map((s) => s.arraySync() as number);
    });
    expect(recon).toBeCloseTo(wantRecon, 4);
    expect(klv).toBeCloseTo(wantKl, 5);
    expect(loss).toBeCloseTo(recon + klv, 4);
    expect(recon).toBeGreaterThan(0);
    expect(klv).toBeGreaterThanOrEqual(0);
    tf.dispose([x, eps]);
    model.dispose();
  });
});
