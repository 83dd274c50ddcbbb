import type { TrainerEvent } from '../../protocol';
import type { CoreHost } from '../core';
import type { TrainingData } from '../session';

/** A CoreHost for Node tests: records events, serves a fixed dataset, stays on the test backend. */
export function fakeHost(data: TrainingData) {
  const events: TrainerEvent[] = [];
  let clock = 0;
  const host: CoreHost = {
    emit: (e) => void events.push(e),
    // A fake clock that advances per call keeps throttling deterministic.
    now: () => (clock += 5),
    yieldToEvents: () => new Promise((r) => setImmediate(r)),
    loadData: async () => ({ data, info: { name: 'MNIST subset', attribution: 'test', fromCache: false } }),
    chooseBackend: async () => ({ name: 'wasm', reason: 'test', probes: [], threads: 1 }),
  };
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { host, events, of };
}
