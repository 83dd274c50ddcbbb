import * as tf from './tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import { TrainerCore } from './core';
import { fakeHost } from './testing/fakeHost';
import { mnistSubset } from './testing/mnistSubset';
import { useTestBackend } from './testing/tfSetup';

const data = mnistSubset(2000, 500);
const config = { ...DEFAULT_CONFIG, batchSize: 64 };

beforeAll(async () => {
  await useTestBackend();
});

describe('TrainerCore', () => {
  it('lowers the training nELBO by at least 30% in 200 steps on 2,000 MNIST images, without leaking tensors', async () => {
    const { host, of } = fakeHost(data);
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config });
    const losses: number[] = [];
    let tensorsAt10 = 0;
    for (let i = 1; i <= 200; i++) {
      await core.handle({ type: 'step' });
      const s = core.currentSession!;
      expect(s.step).toBe(i);
      losses.push(of('metrics').at(-1)!.train.nelbo);
      if (i === 10) tensorsAt10 = tf.memory().numTensors;
    }
    expect(tf.memory().numTensors).toBe(tensorsAt10);
    const first = mean(losses.slice(0, 10));
    const last = mean(losses.slice(-10));
    expect(last).toBeLessThan(0.7 * first);
    // An epoch is 31 steps of 64: test evaluations came with the metrics.
    const tested = of('metrics').filter((m) => m.test);
    expect(tested.length).toBe(6);
    expect(tested.at(-1)!.test!.nelbo).toBeLessThan(tested[0].test!.nelbo);
    core.handle({ type: 'reset' });
  });

  it('runs start → pause → step → reset as a state machine and streams images as transferable buffers', async () => {
    const { host, of, events } = fakeHost(data);
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config });
    await core.handle({ type: 'start' });
    expect(core.currentState).toBe('training');
    while ((core.currentSession?.step ?? 0) < 5) await new Promise((r) => setImmediate(r));
    await core.handle({ type: 'pause' });
    expect(core.currentState).toBe('paused');
    await new Promise((r) => setTimeout(r, 20));
    const at = core.currentSession!.step;
    await new Promise((r) => setTimeout(r, 50));
    expect(core.currentSession!.step).toBe(at);
    await core.handle({ type: 'step' });
    expect(core.currentSession!.step).toBe(at + 1);
    expect(of('status').at(-1)).toMatchObject({ state: 'paused', step: at + 1 });
    const grids = of('images');
    expect(new Set(grids.map((g) => g.kind))).toEqual(new Set(['reconstructions', 'samples']));
    const recon = grids.find((g) => g.kind === 'reconstructions')!.grid;
    expect(recon.pixels).toBeInstanceOf(Uint8ClampedArray);
    expect(recon.pixels.length).toBe(recon.count * 28 * 28);
    await core.handle({ type: 'reset' });
    expect(core.currentState).toBe('idle');
    expect(core.currentSession).toBeNull();
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('refuses a bad config with an error naming the field and keeps the last valid one', async () => {
    const { host, of } = fakeHost(data);
    const core = new TrainerCore(host);
    for (const [field, bad] of [
      ['latentDim', 0],
      ['batchSize', -1],
      ['learningRate', NaN],
    ] as const) {
      await core.handle({ type: 'setConfig', config: { ...config, [field]: bad } });
      expect(of('error').at(-1)).toMatchObject({ code: 'invalid-config', field });
      expect(core.currentConfig[field]).toBe(DEFAULT_CONFIG[field]);
    }
    await core.handle({ type: 'setConfig', config: { ...config, color: 'red' } as never });
    expect(of('error').at(-1)).toMatchObject({ code: 'invalid-config', field: 'color' });
  });

  it('drops a step with a non-finite loss, keeps the weights and pauses with a message', async () => {
    const { host, of } = fakeHost(data);
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...config, learningRate: 10 } });
    for (let i = 0; i < 30 && !of('error').length; i++) await core.handle({ type: 'step' });
    const err = of('error').at(-1);
    expect(err).toMatchObject({ code: 'non-finite-loss', field: 'learningRate' });
    const weights = core.currentSession!.model.variables.map((v) => v.dataSync());
    expect(weights.every((w) => w.every(Number.isFinite))).toBe(true);
    expect(core.currentState).toBe('paused');
    await core.handle({ type: 'reset' });
  });
});

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
