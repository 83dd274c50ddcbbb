import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { AnalysisKind } from '../../protocol';
import { TrainerCore } from '../core';
import { HANDLERS } from '../analysis/handlers';
import { fakeHost } from '../testing/fakeHost';
import { mnistSubset } from '../testing/mnistSubset';
import { SMALL } from '../testing/smallRequests';
import { useTestBackend } from '../testing/tfSetup';

beforeAll(async () => {
  await useTestBackend();
});

describe('numerics: no tensor leaks in any analysis', () => {
  it('leaves tf.memory().numTensors unchanged after every registered analysis kind (after a warm-up call)', async () => {
    const { host, of } = fakeHost(mnistSubset(200, 60));
    const core = new TrainerCore(host);
    // d = 2, so the manifold grid (2-D only) runs too.
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 2, batchSize: 32 } });
    for (let i = 0; i < 3; i++) await core.handle({ type: 'step' });
    let requestId = 1;
    const ask = async (kind: AnalysisKind) => {
      const id = requestId++;
      await core.handle({ type: 'analyze', requestId: id, request: SMALL[kind] });
      const err = of('analysisError').find((e) => e.requestId === id);
      expect(err?.message, kind).toBeUndefined();
      expect(of('analysisResult').some((e) => e.requestId === id && e.result.kind === kind), kind).toBe(true);
    };
    const kinds = Object.keys(HANDLERS) as AnalysisKind[];
    expect(kinds.length).toBeGreaterThanOrEqual(16);
    expect(new Set(kinds)).toEqual(new Set(Object.keys(SMALL)));
    const leaks: Record<string, number> = {};
    for (const kind of kinds) {
      await ask(kind); // warm-up: first-call caches (kernels, constants) are not leaks
      const before = tf.memory().numTensors;
      await ask(kind);
      await ask(kind);
      const after = tf.memory().numTensors;
      if (after !== before) leaks[kind] = after - before;
    }
    expect(leaks).toEqual({});
    await core.handle({ type: 'reset' });
  });
});
