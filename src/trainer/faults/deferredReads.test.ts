import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { maskedApply } from '../maskedUpdate';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';

// The GPU path (deferred reads, masked update) uses stock tfjs ops and the stock Adam, which the CPU
// backend runs too; it stands in for WebGPU/WebGL here. (WASM's fused Adam never defers.)
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const data = mnistSubset(256, 32);
const small: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 32 };

/** SHA-256 over every trained value and every optimizer slot and its step count, as raw float32 bits. */
async function checksum(s: TrainingSession): Promise<string> {
  const h = createHash('sha256');
  for (const v of s.variables) h.update(new Uint8Array((await v.data()).slice().buffer));
  const named = await s.optimizer.getWeights();
  for (const w of named) h.update(new Uint8Array((await w.tensor.data()).slice().buffer));
  named[0].tensor.dispose(); // getWeights makes a fresh iterations scalar; the slots are the optimizer's own
  return h.digest('hex');
}

function poison(s: TrainingSession, which: number): void {
  // A NaN weight makes every gradient downstream of it NaN.
  const w = s.model.variables[which];
  const v = w.dataSync().slice();
  v[0] = NaN;
  tf.tidy(() => w.assign(tf.tensor(v, w.shape)));
}

describe('masked update (the non-finite guard on the device)', () => {
  for (const optimizer of ['adam', 'sgd'] as const) {
    it(`${optimizer}: a NaN gradient leaves weights and optimizer state bit-identical, the first step (slots created lazily) included`, async () => {
      const w = tf.variable(tf.tensor1d([1, -2, 3]), true, 'masked-w');
      const opt = optimizer === 'adam' ? tf.train.adam(0.1) : tf.train.momentum(0.1, 0.9);
      const ok = (v: boolean) => tf.scalar(v, 'bool');
      const read = async () => [Array.from(await w.data()), ...(await Promise.all((await opt.getWeights()).slice(1).map(async (n) => Array.from(await n.tensor.data()))))];
      const bad = { 'masked-w': tf.tensor1d([NaN, 1, 1]) };
      const good = { 'masked-w': tf.tensor1d([0.5, 1, -1]) };
      // Refused first step: the slots it creates stay at zero and the weight is untouched.
      maskedApply(opt, [w], bad, ok(false));
      expect(Array.from(await w.data())).toEqual([1, -2, 3]);
      for (const n of (await opt.getWeights()).slice(1)) expect(Array.from(await n.tensor.data()).every((x) => x === 0)).toBe(true);
      // An accepted step matches the stock update exactly; a later refused one changes nothing.
      const ref = tf.variable(tf.tensor1d([1, -2, 3]), true, 'masked-ref');
      const refOpt = optimizer === 'adam' ? tf.train.adam(0.1) : tf.train.momentum(0.1, 0.9);
      refOpt.applyGradients({ 'masked-ref': good['masked-w'] } as unknown as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
      maskedApply(opt, [w], good, ok(true));
      expect(Array.from(await w.data())).toEqual(Array.from(await ref.data()));
      const before = await read();
      maskedApply(opt, [w], bad, ok(false));
      expect(await read()).toEqual(before);
      // A finite gradient refused by the flag (an earlier bad step) is refused too.
      maskedApply(opt, [w], good, ok(false));
      expect(await read()).toEqual(before);
      tf.dispose([w, ref, ...Object.values(bad), ...Object.values(good)]);
      opt.dispose();
      refOpt.dispose();
    });
  }
});

describe('deferred reads (the GPU training path), on the CPU backend', () => {
  it('gives the same losses and bit-identical weights as reading every step at once', async () => {
    const sync = new TrainingSession(small, data, { deferredReads: false });
    const deferred = new TrainingSession(small, data, { deferredReads: true });
    expect(deferred.deferred).toBe(true);
    const losses = Array.from({ length: 12 }, () => sync.trainStep().terms.loss);
    const got: (number | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      deferred.enqueueStep();
      // Reads in batches of 1, 2, 3, ... steps.
      if (deferred.unsettled > got.length % 4) got.push(...(await deferred.settle()).map((r) => r.terms.loss));
    }
    got.push(...(await deferred.settle()).map((r) => r.terms.loss));
    expect(got).toEqual(losses);
    expect(deferred.step).toBe(12);
    expect(await checksum(deferred)).toBe(await checksum(sync));
    sync.dispose();
    deferred.dispose();
  });

  it('refuses the first bad step and every step queued after it, and rewinds to it: weights, slots and counters as before it', async () => {
    const s = new TrainingSession(small, data, { deferredReads: true });
    // 8 steps an epoch: the run crosses an epoch end before the bad step, so the shuffle must be rewound right.
    for (let i = 0; i < 10; i++) s.enqueueStep();
    expect((await s.settle()).every((r) => r.ok)).toBe(true);
    const before = await checksum(s);
    const progress = s.progress;
    poison(s, 2);
    const poisoned = await checksum(s);
    const tensors = tf.memory().numTensors;
    expect(poisoned).not.toBe(before);
    for (let i = 0; i < 7; i++) s.enqueueStep(); // crosses the next epoch end while refused
    expect(s.step).toBe(17);
    const results = await s.settle();
    expect(results.map((r) => r.ok)).toEqual([false]);
    expect(Number.isFinite(results[0].terms.loss)).toBe(false);
    expect(await checksum(s)).toBe(poisoned);
    expect(s.progress).toEqual(progress);
    expect(tf.memory().numTensors).toBe(tensors);
    // The guard re-arms: with the weight repaired, the same batch trains again.
    const w = s.model.variables[2];
    const v = w.dataSync().slice();
    v[0] = 0;
    w.assign(tf.tensor(v, w.shape));
    s.enqueueStep();
    expect((await s.settle()).map((r) => r.ok)).toEqual([true]);
    expect(s.step).toBe(11);
    s.dispose();
  });
});
