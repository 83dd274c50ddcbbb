import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { AnalysisRequest } from '../../protocol';
import { TrainerCore } from '../core';
import { fakeHost } from '../testing/fakeHost';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { settledTensors } from '../testing/statsSession';

beforeAll(async () => {
  await useTestBackend();
});

const LONG: AnalysisRequest[] = [
  { kind: 'probe', input: 'pixels', trainLimit: 600, valLimit: 100, hidden: 64, epochs: 100, batchSize: 16, learningRate: 1e-3, seed: 1 },
  { kind: 'probe', input: 'latent', trainLimit: 600, valLimit: 100, hidden: 64, epochs: 100, batchSize: 16, learningRate: 1e-3, seed: 1 },
  { kind: 'iwae', split: 'test', limit: 100, samples: 5000, seed: 1 },
];

describe('statistics analyses through the trainer', () => {
  it.each(LONG.map((r) => [r.kind + ('input' in r ? ` on ${r.input}` : ''), r] as const))('%s can be cancelled midway and leaves no tensors behind', async (_name, request) => {
    const { host, of } = fakeHost(mnistSubset(600, 100));
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4 } });
    await core.handle({ type: 'step' });
    const before = await settledTensors();
    const run = core.handle({ type: 'analyze', requestId: 3, request });
    // Cancel once the work is under way, not before it starts.
    while (!of('analysisProgress').some((e) => e.requestId === 3 && e.done > 0)) await new Promise((r) => setImmediate(r));
    await core.handle({ type: 'cancelAnalysis', requestId: 3 });
    await run;
    expect(of('analysisError').find((e) => e.requestId === 3)).toMatchObject({ cancelled: true });
    expect(of('analysisResult')).toEqual([]);
    expect(await settledTensors()).toBe(before);
    await core.handle({ type: 'reset' });
  });
});
