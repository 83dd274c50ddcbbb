import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { RunsResultOf } from '../../protocol';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { sessionBits, settleAll, testCore, wipeDb } from '../testing/checkpointCore';

const data = mnistSubset(200, 50);
const config = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 25, seed: 9 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

describe('model files through the trainer', () => {
  it('exports the current model, and an import into an empty browser draws the same samples', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 3; i++) await a.core.handle({ type: 'step' });
    const id = a.of('status').length && (await a.settle(), a.of('runSaved').at(-1)!.run.id);
    const file = (await a.request({ op: 'exportModel', id: id as string })) as RunsResultOf<'exportModel'>;
    expect(file.fileName).toMatch(/^mlp-32-z4-bernoulli-\d\d-\d\d-step3\.vae\.json$/);
    const samplesBefore = a.of('images').filter((g) => g.kind === 'samples').at(-1)!.grid.pixels;

    await wipeDb();
    const b = testCore(data);
    const got = (await b.request({ op: 'importModel', text: file.text })) as RunsResultOf<'importModel'>;
    expect(got.run).toMatchObject({ step: 3, config });
    expect(b.core.currentState).toBe('paused');
    expect(b.core.currentSession!.step).toBe(3);
    expect((await sessionBits(b.core.currentSession!)).weights).toEqual((await sessionBits(a.core.currentSession!)).weights);
    const samplesAfter = b.of('images').filter((g) => g.kind === 'samples').at(-1)!.grid.pixels;
    expect(samplesAfter.length).toBe(samplesBefore.length);
    expect(samplesAfter.filter((v, i) => v !== samplesBefore[i]).length).toBe(0);
    // The imported run is kept, with the curves the file carried.
    await b.settle();
    const { runs } = (await b.request({ op: 'list' })) as RunsResultOf<'list'>;
    expect(runs.map((r) => r.name)).toEqual([got.run.name]);
    expect(b.of('history').at(-1)!.history.train.step).toEqual([1, 2, 3]);
  });

  it('refuses a file for another input shape, or a truncated one, with its message and no run', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    await a.core.handle({ type: 'step' });
    await a.settle();
    const { text } = (await a.request({ op: 'exportModel', id: a.of('runSaved').at(-1)!.run.id })) as RunsResultOf<'exportModel'>;
    const other = JSON.parse(text);
    other.dataset.shape = [32, 32, 3];

    await wipeDb();
    const b = testCore(data);
    await expect(b.request({ op: 'importModel', text: JSON.stringify(other) })).rejects.toThrow(/takes 32×32×3 images, but dataset "mnist" here has 28×28×1/);
    await expect(b.request({ op: 'importModel', text: text.slice(0, 500) })).rejects.toThrow(/truncated/);
    expect(b.core.currentSession).toBeNull();
    expect(((await b.request({ op: 'list' })) as RunsResultOf<'list'>).runs).toEqual([]);
  });
  it('refuses a file whose weights its config cannot hold before touching the run that is open', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 2; i++) await a.core.handle({ type: 'step' });
    await a.settle();
    const { text } = (await a.request({ op: 'exportModel', id: a.of('runSaved').at(-1)!.run.id })) as RunsResultOf<'exportModel'>;
    const bad = JSON.parse(text);
    bad.weightSpecs[0].shape = [32, 784];
    const open = a.core.currentSession!;
    const before = await sessionBits(open);
    await expect(a.request({ op: 'importModel', text: JSON.stringify(bad) })).rejects.toThrow(/^Weight 1 has shape \[32, 784\] in the saved model, but this config builds \[784, 32\]/);
    expect(a.core.currentSession).toBe(open);
    expect(open.step).toBe(2);
    expect((await sessionBits(open)).weights).toEqual(before.weights);
    // Still the run it was: training goes on from step 2.
    await a.core.handle({ type: 'step' });
    expect(a.core.currentSession!.step).toBe(3);
  });
});
