import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { TrainerCore } from '../core';
import { fakeHost } from '../testing/fakeHost';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const data = mnistSubset(600, 1200);

beforeAll(async () => {
  await useTestBackend();
});

describe('analysis requests', () => {
  it('answers "no model yet" before any training', async () => {
    const { host, of } = fakeHost(data);
    await new TrainerCore(host).handle({ type: 'analyze', requestId: 1, request: { kind: 'encode', split: 'test', limit: 10 } });
    expect(of('analysisError')[0]).toMatchObject({ requestId: 1, cancelled: false, message: expect.stringMatching(/Train or Step/) });
  });

  it('encodes test images with their labels, reports progress, leaks nothing, and can be cancelled', async () => {
    const { host, of } = fakeHost(data);
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, latentDim: 3 } });
    await core.handle({ type: 'step' });
    const before = tf.memory().numTensors;
    await core.handle({ type: 'analyze', requestId: 7, request: { kind: 'encode', split: 'test', limit: 1100 } });
    const r = of('analysisResult')[0];
    expect(r.requestId).toBe(7);
    if (r.result.kind !== 'encode') throw new Error('wrong kind');
    expect(r.result.count).toBe(1100);
    expect(r.result.dim).toBe(3);
    expect(r.result.means.length).toBe(3300);
    expect(Array.from(r.result.labels.slice(0, 5))).toEqual(Array.from(data.test.labels.slice(0, 5)));
    expect(r.result.means.every(Number.isFinite)).toBe(true);
    // The means are those of the model: encoding image 0 alone gives the same numbers.
    const mu0 = tf.tidy(() => core.currentSession!.model.encode(core.currentSession!.images('test', 0, 1)).mu.dataSync());
    expect(Array.from(r.result.means.slice(0, 3)).map((v, i) => v - mu0[i]).every((d) => Math.abs(d) < 1e-4)).toBe(true);
    expect(of('analysisProgress').at(-1)).toMatchObject({ requestId: 7, done: 1100, total: 1100 });
    expect(tf.memory().numTensors).toBe(before);

    const run = core.handle({ type: 'analyze', requestId: 8, request: { kind: 'encode', split: 'test', limit: 1200 } });
    await core.handle({ type: 'cancelAnalysis', requestId: 8 });
    await run;
    expect(of('analysisError').find((e) => e.requestId === 8)).toMatchObject({ cancelled: true });
    expect(of('analysisResult').some((e) => e.requestId === 8)).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
    await core.handle({ type: 'reset' });
  });
});
