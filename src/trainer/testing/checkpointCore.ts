import * as tf from '../tf';
import type { Command, TrainerEvent } from '../../protocol';
import { TrainerCore, type CoreHost } from '../core';
import type { ExperimentConfig } from '../../config/experiment';
import type { TrainingSession } from '../session';
import { fakeHost } from './fakeHost';
import type { TrainingData } from '../session';
import type { RecorderOptions } from '../checkpoint/recorder';

/** Deletes the app's database (its open connection closes itself) so a test starts empty. */
export function wipeDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase('vae-playground');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

const live = new Set<() => Promise<unknown>>();

/** Waits for every test core's pending saves, so none lands in the next test's database. */
export async function settleAll(): Promise<void> {
  await Promise.all([...live].map((settle) => settle()));
  live.clear();
}

/** A TrainerCore over a fake host, with a helper that sends a command and waits for its answer. */
export function testCore(data: TrainingData, runs?: RecorderOptions) {
  const fake = fakeHost(data);
  const host: CoreHost = { ...fake.host, runs };
  const core = new TrainerCore(host);
  let nextId = 1;
  /** Sends a runs request and returns its result (or throws its message). */
  const request = async (request: Extract<Command, { type: 'runs' }>['request']) => {
    const requestId = nextId++;
    await core.handle({ type: 'runs', requestId, request });
    const answer = fake.events.find((e) => (e.type === 'runsResult' || e.type === 'runsError') && e.requestId === requestId);
    if (!answer) throw new Error('no answer');
    if (answer.type === 'runsError') throw new Error(answer.message);
    return (answer as Extract<TrainerEvent, { type: 'runsResult' }>).result;
  };
  /** Waits until every save asked for so far is written (a request reads after them). */
  const settle = () => request({ op: 'list' });
  live.add(settle);
  return { core, request, settle, ...fake };
}

/** A test core that has taken `steps` steps of `config`, one Step command each. */
export async function trainedCore(data: TrainingData, config: ExperimentConfig, steps: number) {
  const t = testCore(data);
  await t.core.handle({ type: 'setConfig', config });
  for (let i = 0; i < steps; i++) await t.core.handle({ type: 'step' });
  return t;
}

/** Every value of every tensor the session trains or the optimizer keeps, as raw bits. */
export async function sessionBits(s: TrainingSession): Promise<{ weights: Uint32Array[]; slots: Uint32Array[]; iterations: number; accBeta: Uint32Array[] }> {
  const bits = async (t: tf.Tensor) => new Uint32Array((await t.data()).slice().buffer);
  const named = await s.optimizer.getWeights();
  const iterations = (await named[0].tensor.data())[0];
  named[0].tensor.dispose();
  // tf.train.adam keeps βᵗ in scalar variables, optim/adam.ts's FusedAdam in numbers.
  const betas = s.optimizer as unknown as { accBeta1?: tf.Tensor | number; accBeta2?: tf.Tensor | number };
  const betaBits = async (b: tf.Tensor | number) => (typeof b === 'number' ? new Uint32Array(Float32Array.of(b).buffer) : bits(b));
  return {
    weights: await Promise.all(s.variables.map(bits)),
    slots: await Promise.all(named.slice(1).map((w) => bits(w.tensor))),
    iterations,
    accBeta: betas.accBeta1 !== undefined ? [await betaBits(betas.accBeta1), await betaBits(betas.accBeta2!)] : [],
  };
}

/** navigator.locks as the tabs of one origin share it: each lock has one holder at a time. */
export function sharedLockManager() {
  const held = new Set<string>();
  const waiters = new Map<string, (() => void)[]>();
  return {
    held,
    async request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, cb: (lock: unknown) => unknown) {
      while (held.has(name)) {
        if (options.ifAvailable) return cb(null);
        await new Promise<void>((resolve, reject) => {
          waiters.set(name, [...(waiters.get(name) ?? []), resolve]);
          options.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'AbortError')));
        });
      }
      held.add(name);
      try {
        return await cb({ name });
      } finally {
        held.delete(name);
        // Every waiter looks again; the first to run takes it.
        waiters.get(name)?.splice(0).forEach((wake) => wake());
      }
    },
  };
}
