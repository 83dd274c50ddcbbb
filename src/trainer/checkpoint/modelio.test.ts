import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { RunsResultOf } from '../../protocol';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { buildModelFileV1 } from '../testing/modelFileV1';
import { MODEL_FILE_VERSION, parseModelFile } from './modelFile';
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

  it('names every tensor for its layer, and a version-1 file (w0, w1, …) still loads with the same weights', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 2; i++) await a.core.handle({ type: 'step' });
    await a.settle();
    const { text } = (await a.request({ op: 'exportModel', id: a.of('runSaved').at(-1)!.run.id })) as RunsResultOf<'exportModel'>;
    const v2 = JSON.parse(text);
    expect(v2.version).toBe(MODEL_FILE_VERSION);
    // A page export keeps float32 (its user may train on): no spec is marked float16.
    expect(v2.weightSpecs.some((s: { quantization?: unknown }) => s.quantization)).toBe(false);
    expect(v2.weightSpecs.map((s: { name: string; shape: number[] }) => `${s.name} ${s.shape.join('x')}`)).toEqual([
      'encoder/dense_0/kernel 784x32', 'encoder/dense_0/bias 32', 'encoder/dense_1/kernel 32x8', 'encoder/dense_1/bias 8',
      'decoder/dense_0/kernel 4x32', 'decoder/dense_0/bias 32', 'decoder/dense_1/kernel 32x784', 'decoder/dense_1/bias 784',
    ]);
    const parsed = parseModelFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const { file, weights } = parsed.model;
    const v1 = buildModelFileV1({ name: file.name, config: file.config, dataset: file.dataset, progress: file.progress, history: file.history }, weights);
    expect(JSON.parse(v1).weightSpecs[7].name).toBe('w7');

    await wipeDb();
    const b = testCore(data);
    await b.request({ op: 'importModel', text: v1 });
    expect(b.core.currentSession!.step).toBe(2);
    expect((await sessionBits(b.core.currentSession!)).weights).toEqual((await sessionBits(a.core.currentSession!)).weights);
    // Exported again it is a current-version file with the same names and bits.
    const again = (await b.request({ op: 'exportModel', id: b.of('runSaved').at(-1)?.run.id ?? (await b.settle(), b.of('runSaved').at(-1)!.run.id) })) as RunsResultOf<'exportModel'>;
    expect(JSON.parse(again.text)).toMatchObject({ version: MODEL_FILE_VERSION, weightSpecs: v2.weightSpecs, weightData: v2.weightData });
  });

  it('refuses a version-2 file whose tensor names do not fit its config', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    await a.core.handle({ type: 'step' });
    await a.settle();
    const { text } = (await a.request({ op: 'exportModel', id: a.of('runSaved').at(-1)!.run.id })) as RunsResultOf<'exportModel'>;
    const swapped = JSON.parse(text);
    [swapped.weightSpecs[4].name, swapped.weightSpecs[6].name] = [swapped.weightSpecs[6].name, swapped.weightSpecs[4].name];
    await expect(a.request({ op: 'importModel', text: JSON.stringify(swapped) })).rejects.toThrow(/^Weight 5 of this model file is named "decoder\/dense_1\/kernel", but its config's weight 5 is "decoder\/dense_0\/kernel"/);
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
