import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { DEFAULT_CONFIG } from '../../../config/experiment';
import { TrainerCore } from '../../core';
import { fakeHost } from '../../testing/fakeHost';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import type { TrainingSession } from '../../session';
import { recordingContext, settledTensors, trainedSession } from '../../testing/statsSession';
import { gmm } from './handler';

const data = mnistSubset(600, 100);
let session: TrainingSession;

beforeAll(async () => {
  await useTestBackend();
  session = trainedSession(data, 20);
});
afterAll(() => session.dispose());

const base = { kind: 'gmm' as const, limit: 600, pool: 4, components: 10, covariance: 'diag' as const, maxIter: 15, tol: 1e-3, seed: 1 };

describe('gmm analysis', () => {
  it('fits latent means, streams the EM curve, decodes 100 samples beside 100 prior samples, and leaks nothing', async () => {
    const { ctx, partials } = recordingContext(session);
    const before = tf.memory().numTensors;
    const { result: r } = await gmm({ ...base, source: 'latent' }, ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.count).toBe(600);
    expect(r.dim).toBe(8);
    expect(r.iterations).toBe(r.logLikelihood.length);
    expect(r.iterations).toBeLessThanOrEqual(15);
    expect(partials.filter((p) => p.kind === 'gmm').map((p) => (p.kind === 'gmm' ? p.logLikelihood : 0))).toEqual(Array.from(r.logLikelihood));
    for (let i = 1; i < r.iterations; i++) expect(r.logLikelihood[i]).toBeGreaterThanOrEqual(r.logLikelihood[i - 1] - 1e-9);
    expect(r.samples).toMatchObject({ count: 100, cols: 10, width: 28, height: 28, channels: 1 });
    expect(r.samples.pixels.length).toBe(100 * 784);
    expect(r.prior?.pixels.length).toBe(100 * 784);
    expect(r.nmi).toBeGreaterThan(0);
    expect(r.nmi).toBeLessThanOrEqual(1);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(r.objective).toBe('elbo');
  });

  it('fits pooled pixels with full covariance and shows the samples upsampled; its clusters follow the digits', async () => {
    const { ctx } = recordingContext(session);
    const { result: r } = await gmm({ ...base, source: 'pixels', covariance: 'full', pool: 4 }, ctx);
    expect(r.dim).toBe(49);
    expect(r.prior).toBeNull();
    expect(r.samples).toMatchObject({ count: 100, width: 28, height: 28 });
    // Upsampled 4×: each 4×4 block of a sample is one value.
    const p = r.samples.pixels;
    expect(p[0]).toBe(p[1]);
    expect(p[0]).toBe(p[3 * 28 + 3]);
    // Ten clusters of 7×7 MNIST digits share a good deal of information with the labels.
    expect(r.nmi).toBeGreaterThan(0.25);
  });

  it('names the field of a bad request', async () => {
    const { ctx } = recordingContext(session);
    await expect(gmm({ ...base, source: 'latent', components: 0 }, ctx)).rejects.toThrow(/gmm\.components/);
    await expect(gmm({ ...base, source: 'pixels', pool: 40 }, ctx)).rejects.toThrow(/pool/);
  });
});

describe('gmm through the trainer', () => {
  it('reports the autoencoder objective, can be cancelled, and leaks nothing either way', async () => {
    const { host, of } = fakeHost(data);
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, objective: 'autoencoder' } });
    await core.handle({ type: 'step' });
    const before = await settledTensors();
    await core.handle({ type: 'analyze', requestId: 1, request: { ...base, source: 'latent', limit: 300, components: 3 } });
    expect(of('analysisError')).toEqual([]);
    const r = of('analysisResult')[0].result;
    if (r.kind !== 'gmm') throw new Error('wrong kind');
    expect(r.objective).toBe('autoencoder');
    expect(of('analysisPartial').length).toBe(r.iterations);
    expect(await settledTensors()).toBe(before);

    const run = core.handle({ type: 'analyze', requestId: 2, request: { ...base, source: 'latent', tol: 0, maxIter: 500 } });
    await core.handle({ type: 'cancelAnalysis', requestId: 2 });
    await run;
    expect(of('analysisError').find((e) => e.requestId === 2)).toMatchObject({ cancelled: true });
    expect(await settledTensors()).toBe(before);
    await core.handle({ type: 'reset' });
  });
});
