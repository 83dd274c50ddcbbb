import 'fake-indexeddb/auto';
import * as tf from '../tf';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { sessionBits, settleAll, testCore, trainedCore, wipeDb } from '../testing/checkpointCore';

// 300 images in batches of 32: 9 steps an epoch. A checkpoint at step 12 has drawn a second shuffle,
// and the 7 steps after it cross another epoch end, so the shuffle stream's state matters.
const data = mnistSubset(300, 100);
const mlp: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [64], latentDim: 8, batchSize: 32 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

const trained = (config: ExperimentConfig, steps: number) => trainedCore(data, config, steps);

async function resumed(runId: string) {
  const t = testCore(data);
  await t.core.handle({ type: 'resumeRun', runId, train: false });
  return t;
}

const lastTrain = (t: ReturnType<typeof testCore>) => t.of('metrics').filter((m) => !m.test).at(-1)!.train;

describe('checkpoints', () => {
  for (const optimizer of ['adam', 'sgd'] as const) {
    it(`resume restores ${optimizer} weights and slots bit for bit, and the next steps match an uninterrupted run`, async () => {
      const config = { ...mlp, optimizer };
      const a = await trained(config, 12);
      const { runs } = (await a.request({ op: 'list' })) as { runs: { id: string; step: number; status: string }[] };
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ step: 12, epoch: 1, status: 'active' });

      const b = await resumed(runs[0].id);
      expect(b.of('error').map((e) => e.message)).toEqual([]);
      const sa = a.core.currentSession!;
      const sb = b.core.currentSession!;
      expect(sb.progress).toEqual(sa.progress);
      const [bitsA, bitsB] = [await sessionBits(sa), await sessionBits(sb)];
      expect(bitsB.iterations).toBe(12);
      expect(bitsB.slots.length).toBe(optimizer === 'adam' ? 2 * sa.variables.length : sa.variables.length);
      expect(bitsB).toEqual(bitsA);
      // The curves came back for the page to redraw: one point per step taken.
      expect(b.of('history')[0].history.train.step).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(b.of('history')[0].history.test.epoch).toEqual([1]);

      // Seven more steps each: across the epoch end (new shuffle) and its test evaluation.
      for (let i = 0; i < 7; i++) {
        await a.core.handle({ type: 'step' });
        await b.core.handle({ type: 'step' });
        expect(lastTrain(b)).toEqual(lastTrain(a));
      }
      const evals = (t: typeof a) => t.of('metrics').filter((m) => m.test && m.step > 12).map((m) => [m.step, m.test]);
      expect(evals(b)).toHaveLength(1);
      expect(evals(b)).toEqual(evals(a));
      expect(await sessionBits(sb)).toEqual(await sessionBits(sa));
    });
  }

  it('saves and restores without leaking tensors', async () => {
    const a = await trained(mlp, 3);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await a.core.handle({ type: 'step' }); // each step pauses, and a pause saves
    await a.request({ op: 'list' });
    expect(tf.memory().numTensors).toBe(before);
    const id = a.of('runSaved').at(-1)!.run.id;
    await a.core.handle({ type: 'reset' });
    const afterReset = tf.memory().numTensors;
    const b = await resumed(id);
    await b.core.handle({ type: 'reset' });
    expect(tf.memory().numTensors).toBe(afterReset);
  });

  it('offers the newest unfinished run, not a finished or discarded one', async () => {
    const a = await trained(mlp, 2);
    await a.settle();
    const first = a.of('runSaved').at(-1)!.run.id;
    await a.core.handle({ type: 'reset' }); // a reset keeps the run, stopped
    await a.core.handle({ type: 'step' });
    await a.core.handle({ type: 'step' });
    await a.settle();
    const second = a.of('runSaved').at(-1)!.run.id;
    expect(second).not.toBe(first);

    const page = testCore(data);
    await page.core.handle({ type: 'checkResume' });
    expect(page.of('resumable').at(-1)!.run).toMatchObject({ id: second, step: 2 });
    await page.request({ op: 'discard', id: second });
    await page.core.handle({ type: 'checkResume' });
    expect(page.of('resumable').at(-1)!.run).toBeNull();
    const { runs } = (await page.request({ op: 'list' })) as { runs: { id: string; status: string }[] };
    expect(runs.map((r) => [r.id, r.status]).sort()).toEqual([[first, 'stopped'], [second, 'stopped']].sort());
  });
});
