import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { RunSummary } from '../../protocol';
import { webLocks } from '../checkpoint/locks';
import { idbRunStore } from '../checkpoint/runStore';
import { settleAll, sharedLockManager, testCore, wipeDb } from '../testing/checkpointCore';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const data = mnistSubset(200, 50);
const config = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

const weightsHash = async (id: string) => createHash('sha256').update(new Uint8Array((await idbRunStore.state(id))!.weights.data)).digest('hex');
const steps = async (t: ReturnType<typeof testCore>, n: number) => {
  for (let i = 0; i < n; i++) await t.core.handle({ type: 'step' });
  await t.settle();
};

describe('faults: two tabs at once (policy: one writer per run, by Web Lock)', () => {
  it('never lets a second tab write, resume or be offered a run the first tab holds; hands it over once that tab is gone', async () => {
    const manager = sharedLockManager();
    const locksA = webLocks(manager);
    const tabA = testCore(data, { locks: locksA });
    const tabB = testCore(data, { locks: webLocks(manager) });

    await tabA.core.handle({ type: 'setConfig', config });
    await steps(tabA, 4);
    const [a] = (await idbRunStore.list()) as RunSummary[];
    expect(a).toMatchObject({ step: 4, status: 'active' });
    const aWeights = await weightsHash(a.id);

    // Tab B opens: A's run is live there, so it is neither offered nor resumable here.
    await tabB.core.handle({ type: 'checkResume' });
    expect(tabB.of('resumable').at(-1)).toEqual({ type: 'resumable', run: null });
    await tabB.core.handle({ type: 'resumeRun', runId: a.id, train: true });
    expect(tabB.of('error').at(-1)!.message).toMatch(/is open in another tab, which keeps saving it/);
    expect(tabB.core.currentSession).toBeNull();

    // Both train at once, each its own run; neither touches the other's checkpoint.
    await tabB.core.handle({ type: 'setConfig', config: { ...config, latentDim: 3 } });
    await steps(tabB, 3);
    await steps(tabA, 2);
    await steps(tabB, 1);
    const runs = await idbRunStore.list();
    expect(runs).toHaveLength(2);
    const b = runs.find((r) => r.id !== a.id)!;
    expect(b).toMatchObject({ step: 4, status: 'active' });
    expect(b.config.latentDim).toBe(3);
    expect((await idbRunStore.summary(a.id))!.step).toBe(6);
    expect((await idbRunStore.state(a.id))!.progress.step).toBe(6);
    expect(await weightsHash(a.id)).not.toBe(aWeights); // A's own saves landed…
    expect((await idbRunStore.state(a.id))!.weights.specs.length).toBe(tabA.core.currentSession!.variables.length);
    expect((await idbRunStore.history(b.id))!.train.step).toEqual([1, 2, 3, 4]); // …and B's curves are B's alone.
    expect((await idbRunStore.history(a.id))!.train.step).toEqual([1, 2, 3, 4, 5, 6]);

    // Tab A goes away (the browser drops its locks): B may now continue A's run from step 6.
    locksA.release(a.id);
    await new Promise((r) => setTimeout(r, 0));
    await tabB.core.handle({ type: 'resumeRun', runId: a.id, train: false });
    expect(tabB.core.currentSession!.step).toBe(6);
    await steps(tabB, 1);
    expect((await idbRunStore.summary(a.id))!.step).toBe(7);
    await tabB.core.handle({ type: 'reset' });
  });
});
