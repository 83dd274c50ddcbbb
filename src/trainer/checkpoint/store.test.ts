import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { RunSummary } from '../../protocol';
import { emptyHistory } from './history';
import { webLocks } from './locks';
import { idbRunStore } from './runStore';
import type { SessionState } from './snapshot';
import { sharedLockManager, wipeDb } from '../testing/checkpointCore';

beforeEach(wipeDb);

const summary = (id: string, step: number): RunSummary => ({
  id,
  name: `run ${id}`,
  config: DEFAULT_CONFIG,
  dataset: { id: 'mnist', shape: [28, 28, 1] },
  status: 'active',
  step,
  epoch: 0,
  createdAt: 1,
  updatedAt: step,
  trainingMs: 0,
  paramCount: 2,
  final: { train: null, test: null },
});
const state = (step: number): SessionState => ({
  weights: { specs: [{ name: 'w0', shape: [2], dtype: 'float32' }], data: Float32Array.of(step, -step).buffer },
  optimizer: null,
  progress: { step, epoch: 0, stepInEpoch: step, evaluatedEpoch: 0, rngState: 7, order: Int32Array.of(1, 0) },
});

describe('run store', () => {
  it('writes a checkpoint whole or not at all: a write that fails midway keeps the previous one', async () => {
    expect(await idbRunStore.save(summary('a', 5), emptyHistory(), state(5))).toBe(true);
    // A state IndexedDB cannot store (a function inside) fails after the other records were put.
    const broken = { ...state(9), progress: { ...state(9).progress, oops: () => 1 } } as unknown as SessionState;
    const history = emptyHistory();
    history.train.step.push(9);
    expect(await idbRunStore.save(summary('a', 9), history, broken)).toBe(false);
    expect((await idbRunStore.summary('a'))?.step).toBe(5);
    expect((await idbRunStore.history('a'))?.train.step).toEqual([]);
    const kept = await idbRunStore.state('a');
    expect(Array.from(new Float32Array(kept!.weights.data))).toEqual([5, -5]);
    expect(kept!.progress.order).toEqual(Int32Array.of(1, 0));
  });

  it('lists summaries newest first, renames, marks and deletes', async () => {
    await idbRunStore.save(summary('old', 1), emptyHistory(), state(1));
    await idbRunStore.save(summary('new', 2), emptyHistory(), state(2));
    expect((await idbRunStore.list()).map((r) => r.id)).toEqual(['new', 'old']);
    expect(await idbRunStore.update('old', { name: 'Model A', status: 'stopped' })).toMatchObject({ name: 'Model A', status: 'stopped', step: 1 });
    await idbRunStore.remove('new');
    expect((await idbRunStore.list()).map((r) => r.name)).toEqual(['Model A']);
    expect(await idbRunStore.state('new')).toBeNull();
    expect(await idbRunStore.update('gone', { name: 'x' })).toBeNull();
  });
});

describe('run locks (two tabs)', () => {
  it('grants a run to one tab at a time and hands it over when the holder lets go', async () => {
    const manager = sharedLockManager();
    const tabA = webLocks(manager);
    const tabB = webLocks(manager);
    expect(await tabA.acquire('r1')).toBe(true);
    expect(await tabB.acquire('r1')).toBe(false);
    expect(await tabB.acquire('r1', 30)).toBe(false); // waited, still held
    const waiting = tabB.acquire('r1', 2000);
    tabA.release('r1');
    expect(await waiting).toBe(true);
    expect(await tabA.acquire('r1')).toBe(false);
    tabB.release('r1');
    await new Promise((r) => setTimeout(r, 0)); // a lock is let go asynchronously, as in browsers
    expect(await tabA.acquire('r1')).toBe(true);
  });

  it('grants every lock where the browser has no Locks API', async () => {
    const locks = webLocks(undefined);
    expect(await locks.acquire('x')).toBe(true);
    expect(await locks.acquire('x')).toBe(true);
  });
});
