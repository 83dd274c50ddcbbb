import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { bernoulli } from '../../likelihoods/bernoulli';
import { createMlpVae, type VaeModel } from '../../model/vae';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import type { TrainingSession } from '../../session';
import { recordingContext, trainedSession } from '../../testing/statsSession';
import { iwaeBatch } from './estimate';
import { iwae } from './handler';
import { meanAndStdErr } from './stats';

const data = mnistSubset(1000, 100);
const LOG_2PI = Math.log(2 * Math.PI);

beforeAll(async () => {
  await useTestBackend();
});

describe('iwaeBatch', () => {
  let model: VaeModel;
  let x: tf.Tensor2D;
  beforeAll(() => {
    model = createMlpVae({ inputDim: 784, hidden: [32], latentDim: 3, seed: 7 });
    x = tf.tensor2d(Float32Array.from(data.test.images.slice(0, 5 * 784), (v) => v / 255), [5, 784]);
  });
  afterAll(() => {
    model.dispose();
    x.dispose();
  });

  it('with k = 1 equals the one-sample ELBO log p(x|z) + log p(z) − log q(z|x) for the same eps', async () => {
    const eps = tf.randomNormal<tf.Rank.R3>([1, 5, 3], 0, 1, 'float32', 3);
    const { iwae: iw, elbo } = await iwaeBatch(model, bernoulli, x, 1, 100, () => tf.clone(eps));
    // The same quantity written out from the Gaussian densities, in doubles.
    const { mu, logvar } = model.encode(x);
    const m = mu.dataSync();
    const lv = logvar.dataSync();
    const e = eps.dataSync();
    const z = Float32Array.from(m, (v, i) => v + Math.exp(lv[i] / 2) * e[i]);
    const zt = tf.tensor2d(z, [5, 3]);
    const logits = model.decode(zt);
    const px = bernoulli.logProb(x, logits);
    const logPx = px.dataSync();
    tf.dispose([eps, mu, logvar, zt, logits, px]);
    for (let i = 0; i < 5; i++) {
      let logPz = 0;
      let logQ = 0;
      for (let j = 0; j < 3; j++) {
        const t = i * 3 + j;
        logPz += -0.5 * (z[t] * z[t] + LOG_2PI);
        logQ += -0.5 * ((z[t] - m[t]) ** 2 / Math.exp(lv[t]) + lv[t] + LOG_2PI);
      }
      const expected = logPx[i] + logPz - logQ;
      expect(iw[i]).toBeCloseTo(expected, 2);
      expect(elbo[i]).toBe(iw[i]);
    }
  });

  it('gives the same answer however the k samples are split into chunks, and is ≥ the ELBO of its samples', async () => {
    const all = tf.randomNormal<tf.Rank.R3>([7, 5, 3], 0, 1, 'float32', 4);
    const noise = (offset: number, s: number) => tf.slice(all, [offset, 0, 0], [s, 5, 3]) as tf.Tensor3D;
    const before = tf.memory().numTensors;
    const whole = await iwaeBatch(model, bernoulli, x, 7, 1000, noise);
    const chunks: number[] = [];
    const split = await iwaeBatch(model, bernoulli, x, 7, 10, noise, { chunkDone: (d) => chunks.push(d) });
    expect(tf.memory().numTensors).toBe(before);
    all.dispose();
    expect(chunks).toEqual([2, 4, 6, 7]);
    for (let i = 0; i < 5; i++) {
      expect(split.iwae[i]).toBeCloseTo(whole.iwae[i], 4);
      expect(split.elbo[i]).toBeCloseTo(whole.elbo[i], 4);
      expect(whole.iwae[i]).toBeGreaterThanOrEqual(whole.elbo[i]);
    }
  });
});

describe('iwae analysis on a trained model', () => {
  let session: TrainingSession;
  beforeAll(() => {
    session = trainedSession(data, 60, { latentDim: 4 });
  });
  afterAll(() => session.dispose());

  it('rises with k on average (k = 1, 10, 100), reports standard errors and leaks nothing', async () => {
    const { ctx, progress } = recordingContext(session);
    const before = tf.memory().numTensors;
    const run = async (samples: number) => (await iwae({ kind: 'iwae', split: 'test', limit: 40, samples, seed: 1 }, ctx)).result;
    const r1 = await run(1);
    const r10 = await run(10);
    const r100 = await run(100);
    expect(tf.memory().numTensors).toBe(before);
    expect(r1.iwae).toBe(r1.elbo);
    expect(r1.gap).toBe(0);
    expect(r10.iwae).toBeGreaterThan(r1.iwae);
    expect(r100.iwae).toBeGreaterThan(r10.iwae);
    // The ELBO estimate does not depend on k in expectation: more samples only steady it.
    expect(Math.abs(r100.elbo - r10.elbo)).toBeLessThan(3 * r10.gapStdErr + 3 * r10.elboStdErr);
    expect(r100.gap).toBeGreaterThan(0);
    for (const r of [r1, r10, r100]) {
      expect(r.count).toBe(40);
      expect(r.iwaeStdErr).toBeGreaterThan(0);
      expect(r.discrete).toBe(true);
      expect(r.iwae).toBeLessThan(0);
    }
    expect(progress.at(-1)).toMatchObject({ done: 4000, total: 4000 });
  });

  it('names the field of a bad request', async () => {
    const { ctx } = recordingContext(session);
    await expect(iwae({ kind: 'iwae', split: 'test', limit: 10, samples: 5001, seed: 1 }, ctx)).rejects.toThrow(/iwae\.samples/);
  });
});

describe('meanAndStdErr', () => {
  it('matches the textbook formula', () => {
    const { mean, stdErr } = meanAndStdErr([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(stdErr).toBeCloseTo(Math.sqrt(5 / 3 / 4), 12);
    expect(meanAndStdErr([5]).stdErr).toBe(0);
  });
});
