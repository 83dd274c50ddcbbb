import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { TrainerCore } from '../core';
import type { TrainingSession } from '../session';
import { fakeHost } from '../testing/fakeHost';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

beforeAll(async () => {
  await useTestBackend();
});

/** SHA-256 over every trained value and every optimizer slot, as raw float32 bits. */
async function checksum(s: TrainingSession): Promise<string> {
  const h = createHash('sha256');
  for (const v of s.variables) h.update(new Uint8Array((await v.data()).slice().buffer));
  const named = await s.optimizer.getWeights();
  for (const w of named) h.update(new Uint8Array((await w.tensor.data()).slice().buffer));
  named[0].tensor.dispose(); // getWeights makes a fresh iterations scalar; the slots are the optimizer's own
  return h.digest('hex');
}

describe('numerics: a diverging run', () => {
  it('stops at the first non-finite loss with the weights and optimizer exactly as before that step, and says why', async () => {
    const { host, of } = fakeHost(mnistSubset(512, 64));
    const core = new TrainerCore(host);
    // A learning rate of 10 with Adam blows the logits up within a few dozen steps.
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [64], latentDim: 4, batchSize: 64, learningRate: 10 } });
    let before = '';
    let stepBefore = 0;
    for (let i = 0; i < 200 && of('error').length === 0; i++) {
      if (core.currentSession) {
        before = await checksum(core.currentSession);
        stepBefore = core.currentSession.step;
      }
      await core.handle({ type: 'step' });
    }
    const errors = of('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'non-finite-loss', field: 'learningRate', recoverable: true });
    expect(errors[0].message).toMatch(new RegExp(`^Step ${stepBefore + 1} gave a non-finite loss .*last good weights kept; training is paused\\. Lower the learning rate \\(now 10\\)`));
    const s = core.currentSession!;
    expect(stepBefore).toBeGreaterThan(0);
    expect(s.step).toBe(stepBefore);
    expect(await checksum(s)).toBe(before);
    expect(core.currentState).toBe('paused');
    // No step was counted past the bad one, and no metrics point carries a non-finite value.
    expect(of('metrics').every((m) => Number.isFinite(m.train.nelbo) && m.step <= stepBefore)).toBe(true);

    await core.handle({ type: 'reset' });
  });
});

describe('numerics: no tensor leaks', () => {
  it('keeps tf.memory().numTensors flat over 1,000 training steps (epoch ends and evaluations included)', async () => {
    const { host, of } = fakeHost(mnistSubset(256, 64));
    const core = new TrainerCore(host);
    // 16 steps an epoch: 1,000 steps cross 62 epoch ends, each with a test evaluation and image grids.
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [16], latentDim: 2, batchSize: 16, epochs: 1000 };
    await core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 10; i++) await core.handle({ type: 'step' });
    const warm = tf.memory().numTensors;
    const counts: number[] = [];
    for (let i = 0; i < 1000; i++) {
      await core.handle({ type: 'step' });
      if (i % 100 === 99) counts.push(tf.memory().numTensors);
    }
    expect(core.currentSession!.step).toBe(1010);
    expect(of('metrics').filter((m) => m.test).length).toBeGreaterThanOrEqual(62);
    expect(of('error')).toEqual([]);
    expect(counts).toEqual(counts.map(() => warm));
    await core.handle({ type: 'reset' });
  });
});
