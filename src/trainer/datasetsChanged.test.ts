import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import { TrainerCore } from './core';
import { fakeHost } from './testing/fakeHost';
import { mnistSubset } from './testing/mnistSubset';
import { useTestBackend } from './testing/tfSetup';

beforeAll(useTestBackend);

describe('datasetsChanged', () => {
  it('makes the worker read a dataset it holds in memory again, and only that one', async () => {
    const { host } = fakeHost(mnistSubset(200, 50));
    let loads = 0;
    const load = host.loadData;
    host.loadData = (...args) => (loads++, load(...args));
    const core = new TrainerCore(host);
    await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, hidden: [8], latentDim: 2, batchSize: 32 } });
    const stepAfterReset = async () => {
      await core.handle({ type: 'reset' });
      await core.handle({ type: 'step' });
    };
    await core.handle({ type: 'step' });
    expect(loads).toBe(1);
    await stepAfterReset();
    expect(loads).toBe(1); // held in memory
    await core.handle({ type: 'datasetsChanged', ids: ['upload-other'] });
    await stepAfterReset();
    expect(loads).toBe(1);
    await core.handle({ type: 'datasetsChanged', ids: ['mnist'] });
    await stepAfterReset();
    expect(loads).toBe(2);
    await stepAfterReset();
    expect(loads).toBe(2); // fresh again
    await core.handle({ type: 'reset' });
  });
});
