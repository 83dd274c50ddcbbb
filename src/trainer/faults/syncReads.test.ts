import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { AnalysisKind } from '../../protocol';
import { TrainerCore } from '../core';
import { HANDLERS } from '../analysis/handlers';
import { probeSpeed } from '../probe';
import { fakeHost } from '../testing/fakeHost';
import { useTripwireBackend, type TripwireBackend } from '../testing/gpuTripwire';
import { mnistSubset } from '../testing/mnistSubset';
import { SMALL } from '../testing/smallRequests';

// On WebGPU a synchronous read loses the device or answers before the work is done, and on WebGL it
// stalls the pipeline (shared/TFJS.md, "WebGPU reads"). The worker's code must not read synchronously
// while a GPU backend is current: here the CPU backend runs under the name 'webgl' and records any
// synchronous read, through training, the Auto probe's timed steps and every analysis kind.

let trip: TripwireBackend;
let previous: string;

beforeAll(async () => {
  previous = tf.getBackend();
  trip = await useTripwireBackend('webgl');
});
afterAll(async () => {
  if (previous) await tf.setBackend(previous);
});

/** The stacks of the synchronous reads made by `f`, reported one per line of the failure. */
async function syncReadsOf(f: () => Promise<unknown>): Promise<string[]> {
  const from = trip.syncReads.length;
  await f();
  return trip.syncReads.slice(from).map((stack) => stack.split('\n').slice(1, 6).join('\n'));
}

describe('GPU backends: no synchronous reads in the worker', () => {
  it('the tripwire fires on dataSync, arraySync and bufferSync, and not on awaited reads', async () => {
    const t = tf.tensor1d([1, 2, 3]);
    expect(await syncReadsOf(async () => t.dataSync())).toHaveLength(1);
    expect(await syncReadsOf(async () => t.arraySync())).toHaveLength(1);
    expect(await syncReadsOf(async () => t.bufferSync())).toHaveLength(1);
    expect(await syncReadsOf(async () => [await t.data(), await t.array(), await t.buffer()])).toEqual([]);
    t.dispose();
  });

  it('training (steps, slices, test evaluation, images, the run recorder) reads only asynchronously', async () => {
    const { host, of } = fakeHost(mnistSubset(192, 60));
    const core = new TrainerCore(host);
    const reads = await syncReadsOf(async () => {
      await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 2, batchSize: 32 } });
      await core.handle({ type: 'step' });
      expect(core.currentSession?.deferred).toBe(true);
      await core.handle({ type: 'start' });
      // 6 steps an epoch: two epochs end, each with its test evaluation.
      while ((core.currentSession?.epoch ?? 0) < 2) await new Promise((r) => setImmediate(r));
      await core.handle({ type: 'pause' });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(of('metrics').some((m) => m.test)).toBe(true);
    expect(of('images').length).toBeGreaterThan(0);
    expect(reads).toEqual([]);
    await core.handle({ type: 'reset' });
  });

  it("the Auto probe's timed training steps read only asynchronously", async () => {
    let clock = 0;
    const reads = await syncReadsOf(() => probeSpeed({ ...DEFAULT_CONFIG, hidden: [32], latentDim: 2, batchSize: 16 }, 50, () => (clock += 5)));
    expect(reads).toEqual([]);
  });

  it('every analysis kind reads only asynchronously', async () => {
    const { host, of } = fakeHost(mnistSubset(200, 60));
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [32], latentDim: 2, batchSize: 32 } });
    for (let i = 0; i < 3; i++) await core.handle({ type: 'step' });
    const kinds = Object.keys(HANDLERS) as AnalysisKind[];
    const found: Record<string, string[]> = {};
    let requestId = 1;
    for (const kind of kinds) {
      const id = requestId++;
      const reads = await syncReadsOf(() => core.handle({ type: 'analyze', requestId: id, request: SMALL[kind] }));
      expect(of('analysisError').find((e) => e.requestId === id)?.message, kind).toBeUndefined();
      expect(of('analysisResult').some((e) => e.requestId === id), kind).toBe(true);
      if (reads.length) found[kind] = reads;
    }
    expect(found).toEqual({});
    await core.handle({ type: 'reset' });
  });
});
