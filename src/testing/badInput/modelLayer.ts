/**
 * Model files go through the worker's own importModel (TrainerCore in Node), so a refusal is the
 * message the Runs view shows, and "nothing lost" is checked on the saved runs.
 */
import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import type { RunsResultOf } from '../../protocol';
import { settleAll, testCore, wipeDb } from '../../trainer/testing/checkpointCore';
import { mnistSubset } from '../../trainer/testing/mnistSubset';
import { useTestBackend } from '../../trainer/testing/tfSetup';
import { MODEL_CONFIG } from './fixtures';

type Core = ReturnType<typeof testCore>;
let core: Core | null = null;
let good = '';

/** Trains the small model one step and exports it: the file the model rows break. */
export async function setUpModels(): Promise<void> {
  await useTestBackend();
  await wipeDb();
  const data = mnistSubset(100, 25);
  const a = testCore(data);
  await a.core.handle({ type: 'setConfig', config: MODEL_CONFIG });
  await a.core.handle({ type: 'step' });
  await a.settle();
  const id = a.of('runSaved').at(-1)!.run.id;
  good = ((await a.request({ op: 'exportModel', id })) as RunsResultOf<'exportModel'>).text;
  await settleAll();
  await wipeDb();
  core = testCore(data);
}

export const goodModel = () => good;

async function runNames(c: Core): Promise<string[]> {
  return ((await c.request({ op: 'list' })) as RunsResultOf<'list'>).runs.map((r) => r.name);
}

/** Imports `text`: must be refused with a message, with no run made and no session left half-built. */
export async function importModel(text: string): Promise<string> {
  const c = core!;
  const before = await runNames(c);
  const message = await c.request({ op: 'importModel', text }).then(
    () => '(accepted)',
    (e: Error) => e.message,
  );
  expect(c.core.currentSession, 'no half-loaded model').toBeNull();
  expect(await runNames(c), 'no run made').toEqual(before);
  return message;
}

/** Imports `text` expecting success: the run, as the trainer made it. */
export async function importModelOk(text: string) {
  return ((await core!.request({ op: 'importModel', text })) as RunsResultOf<'importModel'>).run;
}
