import 'fake-indexeddb/auto';
import * as tf from '../tf';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import type { RunsResultOf, Snapshot } from '../../protocol';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { settleAll, testCore, trainedCore, wipeDb } from '../testing/checkpointCore';
import { takeSnapshot } from './capture';
import { TimelineKeeper } from './keeper';
import { idbSnapshotStore } from './store';
import { idbRunStore } from '../checkpoint/runStore';
import { TrainingSession } from '../session';
import { encodeSnapshots } from './fileFormat';
import { TIMELINE_BUDGET_BYTES } from '../../protocol';

// 300 images in batches of 32: 9 steps an epoch, so 25 steps cross two epoch ends and steps 10 and 20.
const data = mnistSubset(300, 100);
const d2: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 2, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

async function trained(config: ExperimentConfig, steps: number) {
  const t = await trainedCore(data, config, steps);
  await t.settle();
  return t;
}
type Core = Awaited<ReturnType<typeof trained>>;
const snapshotsOf = async (t: Core, id: string) => ((await t.request({ op: 'snapshots', id })) as RunsResultOf<'snapshots'>).snapshots;
const runIdOf = async (t: Core) => ((await t.request({ op: 'list' })) as RunsResultOf<'list'>).runs[0].id;
const same = (a: Snapshot[], b: Snapshot[]) => {
  expect(b.map((s) => s.step)).toEqual(a.map((s) => s.step));
  b.forEach((s, i) => {
    expect(s.reconstructions.pixels).toEqual(a[i].reconstructions.pixels);
    expect(s.samples.pixels).toEqual(a[i].samples.pixels);
    expect(s.codes.points).toEqual(a[i].codes.points);
    expect(s.manifold?.pixels).toEqual(a[i].manifold?.pixels);
    expect(s.terms).toEqual(a[i].terms);
  });
};

describe('training timeline', () => {
  it('takes snapshots at step 0, the log-spaced steps and every epoch end, each one different', async () => {
    const t = await trained(d2, 25);
    const events = t.of('snapshot');
    expect(events.map((e) => [e.snapshot.step, e.snapshot.reason])).toEqual([
      [0, 'schedule'],
      [9, 'epoch'],
      [10, 'schedule'],
      [18, 'epoch'],
      [20, 'schedule'],
    ]);
    const [first, , , , last] = events.map((e) => e.snapshot);
    expect(first.reconstructions.count).toBe(32);
    expect(first.samples.count).toBe(64);
    expect(first.manifold?.count).toBe(100);
    expect(first.codes).toMatchObject({ count: 100, dim: 2 });
    expect(first.codes.plane.axes).toBe('latent');
    expect(last.terms.nelbo).toBeLessThan(first.terms.nelbo);
    expect(last.reconstructions.pixels).not.toEqual(first.reconstructions.pixels);
    expect(events.at(-1)!.bytes).toBe(events.reduce((n, e) => n + e.snapshot.bytes, 0));
  });

  it('leaves no tensor behind, with d = 2 (manifold) and d = 20 (principal plane)', async () => {
    for (const latentDim of [2, 20]) {
      const t = await trained({ ...d2, latentDim }, 1);
      const s = t.core.currentSession!;
      const before = tf.memory().numTensors;
      const snap = await takeSnapshot(s, 'x', 'schedule', null);
      await takeSnapshot(s, 'x', 'schedule', snap.codes.plane);
      expect(tf.memory().numTensors).toBe(before);
      expect(snap.manifold === null).toBe(latentDim !== 2);
      expect(snap.codes.plane.axes).toBe(latentDim === 2 ? 'latent' : 'pca');
    }
  });

  it('keeps them with the run: a new worker reads them back, and deleting the run deletes them', async () => {
    const a = await trained(d2, 12);
    const id = await runIdOf(a);
    const mine = await snapshotsOf(a, id);
    expect(mine.map((s) => s.step)).toEqual([0, 9, 10]);
    const b = testCore(data);
    same(mine, await snapshotsOf(b, id));
    await b.core.handle({ type: 'resumeRun', runId: id, train: false });
    await b.core.handle({ type: 'step' });
    await b.settle();
    expect((await snapshotsOf(b, id)).map((s) => s.step)).toEqual([0, 9, 10]);
    await b.core.handle({ type: 'reset' });
    await b.request({ op: 'remove', id });
    expect(await idbSnapshotStore.list(id)).toEqual([]);
  });

  it('goes into the exported model file and comes back on import, as one run and in a group', async () => {
    const a = await trained(d2, 12);
    const id = await runIdOf(a);
    const mine = await snapshotsOf(a, id);
    const { text } = (await a.request({ op: 'exportModel', id })) as RunsResultOf<'exportModel'>;
    expect(JSON.parse(text).timeline).toHaveLength(3);
    const b = testCore(data);
    const { run } = (await b.request({ op: 'importModel', text })) as RunsResultOf<'importModel'>;
    expect(run.id).not.toBe(id);
    const back = await snapshotsOf(b, run.id);
    same(mine, back);
    expect(back.every((s) => s.runId === run.id)).toBe(true);
    await b.settle();
    same(mine, await idbSnapshotStore.list(run.id));
    const { runs } = (await b.request({ op: 'importRuns', files: [{ fileName: 'a.vae.json', text }], group: 'class' })) as RunsResultOf<'importRuns'>;
    same(mine, await snapshotsOf(b, runs[0].id));
  });

  it('refuses a file whose timeline is damaged, naming the snapshot and the field', async () => {
    const a = await trained(d2, 1);
    const { text } = (await a.request({ op: 'exportModel', id: await runIdOf(a) })) as RunsResultOf<'exportModel'>;
    const file = JSON.parse(text);
    file.timeline[0].reconstructions.pixels = file.timeline[0].reconstructions.pixels.slice(0, 40);
    await expect(a.request({ op: 'importModel', text: JSON.stringify(file) })).rejects.toThrow(/Snapshot 1 of the model file's "timeline" is damaged: "reconstructions.pixels" holds 30 bytes/);
  });

  it('stays within its budget in memory and in storage, keeping the first and the latest', async () => {
    const t = await trained(d2, 1);
    const s = t.core.currentSession!;
    const base = await takeSnapshot(s, 'b', 'schedule', null);
    const emitted: { step: number; dropped: number[] }[] = [];
    const writes: Promise<unknown>[] = [];
    const keeper = new TimelineKeeper('b', idbSnapshotStore, (e) => e.type === 'snapshot' && emitted.push({ step: e.snapshot.step, dropped: e.dropped }), (w) => void writes.push(w()), [], 3.5 * base.bytes);
    for (const step of [0, 10, 20, 50, 100, 200]) keeper.add({ ...base, step });
    await Promise.all(writes);
    expect(keeper.bytes).toBeLessThanOrEqual(keeper.budget);
    const kept = keeper.snapshots.map((x) => x.step);
    expect(kept).toHaveLength(3);
    expect([kept[0], kept[2]]).toEqual([0, 200]);
    // What the page was told to forget is exactly what is gone, and storage holds what memory does.
    expect(emitted.flatMap((e) => e.dropped).sort((x, y) => x - y)).toEqual([0, 10, 20, 50, 100, 200].filter((x) => !kept.includes(x)));
    expect((await idbSnapshotStore.list('b')).map((x) => x.step)).toEqual(kept);
    expect(await idbRunStore.summary('b')).toBeNull();
  });

  it('drops a snapshot whose run was reset meanwhile, even one that failed on the disposed model', async () => {
    const emitted: unknown[] = [];
    const keeper = new TimelineKeeper('k', idbSnapshotStore, (e) => emitted.push(e), () => undefined);
    const s = new TrainingSession(d2, data);
    await keeper.maybeTake(s, () => false);
    s.dispose();
    await keeper.maybeTake(s, () => false);
    expect(emitted).toEqual([]);
    expect(keeper.snapshots).toEqual([]);
    await expect(keeper.maybeTake(s, () => true)).rejects.toThrow();
  });

  it('a default 10-epoch MNIST run keeps all its 19 moments within the budget, d = 2 and d = 20', async () => {
    const full = mnistSubset(256, 500);
    for (const latentDim of [2, 20]) {
      const s = new TrainingSession({ ...DEFAULT_CONFIG, latentDim }, full);
      try {
        const t0 = performance.now();
        for (let i = 0; i < 5; i++) s.trainStep();
        const stepMs = (performance.now() - t0) / 5;
        const t1 = performance.now();
        const snap = await takeSnapshot(s, 'm', 'schedule', null);
        const snapMs = performance.now() - t1;
        const run = 19 * snap.bytes;
        const file = JSON.stringify(encodeSnapshots([snap])).length * 19;
        console.log(`d = ${latentDim}: ${snap.bytes} B a snapshot, ${run} B a default run (${(run / 2 ** 20).toFixed(2)} MiB), ${file} B in the model file; snapshot ${snapMs.toFixed(0)} ms, a step ${stepMs.toFixed(0)} ms`);
        expect(run).toBeLessThanOrEqual(TIMELINE_BUDGET_BYTES);
        // Grids as the live panels show them: 32 + 64 images, and the 10 × 10 manifold only for d = 2.
        expect(snap.bytes).toBeGreaterThan((latentDim === 2 ? 196 : 96) * 784);
      } finally {
        s.dispose();
      }
    }
  });
});
