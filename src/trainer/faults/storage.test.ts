import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { getCached, putCached } from '../../data/cache';
import { datasetWarning } from '../data';
import { idbRunStore } from '../checkpoint/runStore';
import { settleAll, testCore, wipeDb } from '../testing/checkpointCore';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { failStorage } from '../testHooks';

const data = mnistSubset(200, 50);
const config = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(async () => {
  restorePut();
  await settleAll();
});

// Fault injection (the worker's `failStorage` test hook): the checkpoint store's put throws
// QuotaExceededError for the weights record, after the summary and curves of the same transaction
// were put — a write that fails midway.
const failCheckpointWrites = () => failStorage(true);
const restorePut = () => failStorage(false);

const bytesOf = (b: ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

describe('faults: IndexedDB full mid-write', () => {
  it('keeps the previous checkpoint and the cached datasets whole, says so once, and training goes on', async () => {
    // A dataset file in the cache beside the runs.
    const file = Uint8Array.from({ length: 64 }, (_, i) => i);
    const fileKey = createHash('sha256').update(file).digest('hex');
    expect(await putCached(fileKey, file, 'toy/images.u8gz')).toBe(true);

    const t = testCore(data);
    await t.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 5; i++) await t.core.handle({ type: 'step' });
    await t.settle();
    const [run] = await idbRunStore.list();
    expect(run.step).toBe(5);
    const good = bytesOf((await idbRunStore.state(run.id))!.weights.data);

    failCheckpointWrites();
    for (let i = 0; i < 4; i++) await t.core.handle({ type: 'step' });
    await t.settle();
    // Training went on: 9 steps, still paused after Step, not stopped by the failure.
    expect(t.core.currentSession!.step).toBe(9);
    expect(t.core.currentState).toBe('paused');
    const errors = t.of('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'checkpoint-quota', recoverable: true });
    expect(errors[0].message).toMatch(/^Could not save a checkpoint at step 6: this browser’s storage for the site is full\. Training goes on and the checkpoint from step 5 is kept; saved datasets are untouched\. Free space under “Storage”/);
    // The failed transaction took its summary and curves with it: the step-5 run is intact.
    expect((await idbRunStore.summary(run.id))?.step).toBe(5);
    expect((await idbRunStore.history(run.id))?.train.step.at(-1)).toBe(5);
    expect(bytesOf((await idbRunStore.state(run.id))!.weights.data)).toBe(good);
    expect(await getCached(fileKey)).toEqual({ status: 'hit', bytes: file });

    // Space again: the next save lands and nothing more is said.
    restorePut();
    await t.core.handle({ type: 'step' });
    await t.settle();
    expect((await idbRunStore.summary(run.id))?.step).toBe(10);
    expect(t.of('error')).toHaveLength(1);
    expect(t.of('runSaved').at(-1)!.run.step).toBe(10);
    await t.core.handle({ type: 'reset' });
  });
});

describe('faults: a damaged dataset cache entry', () => {
  // Detection by SHA-256 on read, the single refetch and the repaired entry are tested in
  // src/data/loadDataset.test.ts ('detects a corrupted cache entry…'); this is the message.
  it('names the damaged files in the warning the page shows', () => {
    expect(datasetWarning({ name: 'MNIST', quotaExceeded: false, repaired: [] })).toEqual({});
    expect(datasetWarning({ name: 'MNIST', quotaExceeded: false, repaired: ['mnist/test-images.u8gz'] }).warning).toBe(
      'The copy of MNIST cached in this browser was damaged (mnist/test-images.u8gz no longer matched its SHA-256), so it was downloaded again.',
    );
  });
});
