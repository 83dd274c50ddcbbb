import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { sessionBits, settleAll, trainedCore, wipeDb } from '../testing/checkpointCore';

const data = mnistSubset(300, 100);
const config: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [64], latentDim: 8, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

const trained = (steps: number) => trainedCore(data, config, steps);

describe('a backend change mid-run', () => {
  it('carries the run over: same step, same weights and optimizer state, and the next steps match an unmoved run', async () => {
    const moved = await trained(12);
    const still = await trained(12);
    const before = await sessionBits(moved.core.currentSession!);
    const runId = (await moved.request({ op: 'list' })) as { runs: { id: string }[] };

    await moved.core.handle({ type: 'setBackend', backend: 'wasm' });
    const s = moved.core.currentSession!;
    expect(s.step).toBe(12);
    expect(moved.core.currentState).toBe('paused');
    expect(await sessionBits(s)).toEqual(before);
    expect(moved.of('status').at(-1)!.message).toMatch(/moved to WASM at step 12/i);
    expect(moved.of('backend').length).toBeGreaterThanOrEqual(2);

    for (let i = 0; i < 7; i++) {
      await moved.core.handle({ type: 'step' });
      await still.core.handle({ type: 'step' });
    }
    expect(await sessionBits(moved.core.currentSession!)).toEqual(await sessionBits(still.core.currentSession!));
    // Still the same run: one record, now at step 19.
    const after = (await moved.request({ op: 'list' })) as { runs: { id: string; step: number }[] };
    await settleAll();
    expect(after.runs.map((r) => r.id)).toEqual(runId.runs.map((r) => r.id));
  });

  it('keeps training when it was training', async () => {
    const t = await trained(3);
    await t.core.handle({ type: 'start' });
    expect(t.core.currentState).toBe('training');
    await t.core.handle({ type: 'setBackend', backend: 'wasm' });
    expect(t.core.currentState).toBe('training');
    const at = t.core.currentSession!.step;
    expect(at).toBeGreaterThanOrEqual(3);
    while (t.core.currentSession!.step < at + 3) await new Promise((r) => setImmediate(r));
    await t.core.handle({ type: 'pause' });
    expect(t.of('status').some((s) => s.state === 'idle' && s.step === 0 && s.message)).toBe(false);
  });
});
