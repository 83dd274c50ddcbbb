import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import type { RunsResultOf } from '../../protocol';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { settleAll, testCore, wipeDb } from '../testing/checkpointCore';

const data = mnistSubset(200, 50);
const config = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 25, seed: 9 };

beforeAll(async () => {
  await useTestBackend();
});
beforeEach(wipeDb);
afterEach(settleAll);

describe('a class’s run files imported together', () => {
  it('saves each good file as a finished run of one group, with its final figures and curves; refuses a bad one by name; leaves the Train view alone', async () => {
    const a = testCore(data);
    await a.core.handle({ type: 'setConfig', config });
    for (let i = 0; i < 3; i++) await a.core.handle({ type: 'step' });
    await a.settle();
    const id = a.of('runSaved').at(-1)!.run.id;
    const { text } = (await a.request({ op: 'exportModel', id })) as RunsResultOf<'exportModel'>;
    const exported = JSON.parse(text);
    const files = [0, 1, 2].map((i) => ({ fileName: `s${i}.json`, text: JSON.stringify({ ...exported, name: `Student ${i}` }) }));
    files.push({ fileName: 'cut.json', text: text.slice(0, 200) });

    await wipeDb();
    const b = testCore(data);
    const got = (await b.request({ op: 'importRuns', files, group: 'Imported 4 runs at 14:02' })) as RunsResultOf<'importRuns'>;
    expect(got.runs.map((r) => r.name)).toEqual(['Student 0', 'Student 1', 'Student 2']);
    expect(got.refused).toEqual([{ fileName: 'cut.json', message: expect.stringMatching(/truncated/) }]);
    expect(new Set(got.runs.map((r) => r.id)).size).toBe(3);
    for (const r of got.runs) {
      expect(r).toMatchObject({ group: 'Imported 4 runs at 14:02', status: 'finished', step: 3, config });
      // The final figures are the file's own last training point.
      expect(r.final.train?.nelbo).toBe(exported.history.train.nelbo.at(-1));
    }
    expect(b.core.currentSession).toBeNull();
    const { runs } = (await b.request({ op: 'list' })) as RunsResultOf<'list'>;
    expect(runs.filter((r) => r.group === 'Imported 4 runs at 14:02').length).toBe(3);
    const { history } = (await b.request({ op: 'history', id: got.runs[1].id })) as RunsResultOf<'history'>;
    expect(history.train.step).toEqual([1, 2, 3]);
    // An imported run opens like any saved one.
    await b.core.handle({ type: 'resumeRun', runId: got.runs[0].id, train: false });
    expect(b.core.currentSession!.step).toBe(3);
  });

  it('names the group and files as it must have them', async () => {
    const b = testCore(data);
    await expect(b.request({ op: 'importRuns', files: [], group: 'G' })).rejects.toThrow(/at least one model file/);
    await expect(b.request({ op: 'importRuns', files: [{ fileName: 'a.json', text: '{}' }], group: '  ' })).rejects.toThrow(/needs a name/);
  });
});
