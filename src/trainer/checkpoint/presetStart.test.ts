import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { settleAll, testCore, wipeDb } from '../testing/checkpointCore';

const data = mnistSubset(300, 100);
const config: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [64], latentDim: 8, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

describe('a preset started over a paused run (reset, config, start sent at once)', () => {
  it('saves the old run, then trains the new config as a new, named run', async () => {
    const t = testCore(data);
    await t.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 3; i++) await t.core.handle({ type: 'step' });
    expect(t.core.currentState).toBe('paused');

    // As the worker receives them: each handled without waiting for the one before.
    const next = { ...config, latentDim: 12 };
    const done = [t.core.handle({ type: 'reset' }), t.core.handle({ type: 'setConfig', config: next }), t.core.handle({ type: 'start', name: 'Model A — report 001' })];
    await Promise.all(done);
    expect(t.core.currentState).toBe('training');
    expect(t.core.currentConfig.latentDim).toBe(12);
    while (t.core.currentSession!.step < 2) await new Promise((r) => setImmediate(r));
    await t.core.handle({ type: 'pause' });
    await settleAll();
    const { runs } = (await t.request({ op: 'list' })) as { runs: { name: string; step: number }[] };
    expect(runs.map((r) => r.name)).toContain('Model A — report 001');
    expect(runs).toHaveLength(2);
  });
});
