import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { DEFAULT_CONFIG } from '../../../config/experiment';
import { TrainerCore } from '../../core';
import { fakeHost } from '../../testing/fakeHost';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import { amortizationGap } from './amortizationGap';
import { complete } from './complete';
import { testImages } from './testImages';
import { completionRequest, leftHalf, recordingContext } from '../../testing/trainedSession';

const data = mnistSubset(300, 100);

beforeAll(async () => {
  await useTestBackend();
});

async function coreWithModel(config = {}) {
  const { host, of } = fakeHost(data);
  const core = new TrainerCore(host);
  await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 32, ...config } });
  await core.handle({ type: 'step' });
  return { core, of };
}

describe('completion through the trainer', () => {
  it('streams snapshots as analysisPartial events, then the result; leaks nothing', async () => {
    const { core, of } = await coreWithModel();
    const before = tf.memory().numTensors;
    const pixels = new Float32Array(784).fill(0.5);
    await core.handle({ type: 'analyze', requestId: 3, request: completionRequest(pixels, leftHalf(), { steps: 40 }) });
    const partials = of('analysisPartial').filter((e) => e.requestId === 3);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.at(-1)!.partial).toMatchObject({ kind: 'complete', step: 40, steps: 40 });
    const r = of('analysisResult').find((e) => e.requestId === 3)!;
    expect(r.result.kind).toBe('complete');
    expect(of('analysisProgress').at(-1)).toMatchObject({ requestId: 3, done: 40, total: 40 });
    expect(tf.memory().numTensors).toBe(before);
    await core.handle({ type: 'reset' });
  });

  it('a long optimisation stops when cancelled, with no result and no leaked tensors', async () => {
    const { core, of } = await coreWithModel();
    const before = tf.memory().numTensors;
    const run = core.handle({ type: 'analyze', requestId: 9, request: completionRequest(new Float32Array(784), leftHalf(), { steps: 20_000 }) });
    await new Promise((r) => setTimeout(r, 100));
    await core.handle({ type: 'cancelAnalysis', requestId: 9 });
    await run;
    expect(of('analysisError').find((e) => e.requestId === 9)).toMatchObject({ cancelled: true });
    expect(of('analysisResult').some((e) => e.requestId === 9)).toBe(false);
    const done = (of('analysisProgress').filter((e) => e.requestId === 9).at(-1)?.done ?? 0);
    expect(done).toBeLessThan(20_000);
    expect(tf.memory().numTensors).toBe(before);
    await core.handle({ type: 'reset' });
  });

  it('works with a conv model and a two-parameter likelihood', async () => {
    const { core, of } = await coreWithModel({ architecture: 'conv', convChannels: [4, 8], likelihood: 'gaussian-learned' });
    const pixels = new Float32Array(784).map((_, j) => (j % 28 === 10 ? 1 : 0));
    await core.handle({ type: 'analyze', requestId: 4, request: completionRequest(pixels, leftHalf(), { steps: 5 }) });
    await core.handle({ type: 'analyze', requestId: 5, request: completionRequest(pixels, leftHalf(), { method: 'amortized', fill: 'mean' }) });
    for (const id of [4, 5]) {
      const r = of('analysisResult').find((e) => e.requestId === id)?.result;
      if (r?.kind !== 'complete') throw new Error(`no result for ${id}: ${JSON.stringify(of('analysisError'))}`);
      expect(Number.isFinite(r.elbo)).toBe(true);
      expect(r.completion.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    await core.handle({ type: 'reset' });
  });
});

describe('no tensor leaks', () => {
  it('across 100 completions, test-image requests and a gap measurement', async () => {
    const { core } = await coreWithModel();
    const session = core.currentSession!;
    const { ctx } = recordingContext(session);
    // Warm-up: Adam and the first kernels may allocate once.
    await complete(completionRequest(new Float32Array(784), leftHalf(), { steps: 2 }), ctx);
    const before = tf.memory().numTensors;
    const imgs = (await testImages({ kind: 'testImages', count: 5, seed: 2 }, ctx)).result;
    expect(imgs.count).toBe(5);
    for (let i = 0; i < 100; i++) {
      const pixels = imgs.pixels.slice((i % 5) * 784, (i % 5 + 1) * 784);
      const method = i % 2 ? 'amortized' : 'optimize';
      await complete(completionRequest(pixels, leftHalf(), { method, init: i % 4 ? 'random' : 'encoder', steps: 3, samples: 2, seed: i }), ctx);
    }
    await amortizationGap({ kind: 'amortizationGap', count: 3, seed: 1, init: 'random', steps: 3, learningRate: 0.1, mcSamples: 2 }, ctx);
    expect(tf.memory().numTensors).toBe(before);
    await core.handle({ type: 'reset' });
  });
});

describe('test images', () => {
  it('returns the requested indices, or random ones of one class', async () => {
    const { core } = await coreWithModel();
    const { ctx } = recordingContext(core.currentSession!);
    const byIndex = (await testImages({ kind: 'testImages', count: 0, indices: [0, 7] }, ctx)).result;
    expect(Array.from(byIndex.indices)).toEqual([0, 7]);
    expect(Array.from(byIndex.labels)).toEqual([data.test.labels[0], data.test.labels[7]]);
    expect(byIndex.pixels[784 + 300]).toBeCloseTo(data.test.images[7 * 784 + 300] / 255, 6);
    expect(byIndex.shape).toEqual([28, 28, 1]);
    const zeros = (await testImages({ kind: 'testImages', count: 4, label: 0, seed: 5 }, ctx)).result;
    expect(zeros.count).toBe(4);
    expect(Array.from(zeros.labels)).toEqual([0, 0, 0, 0]);
    await expect(testImages({ kind: 'testImages', count: 1, indices: [100] }, ctx)).rejects.toThrow(/testImages\.indices: 100/);
    await core.handle({ type: 'reset' });
  });
});
