import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experiment';
import type { Command, RunSummary, TrainerEvent } from '../protocol';
import { withRequests } from '../client/requests';
import { createRunsStore } from './runs';

const run = (id: string, step = 10): RunSummary => ({
  id,
  name: `run ${id}`,
  config: { ...DEFAULT_CONFIG, latentDim: 3 },
  dataset: { id: 'mnist', shape: [28, 28, 1] },
  status: 'active',
  step,
  epoch: 0,
  createdAt: 0,
  updatedAt: step,
  trainingMs: 0,
  paramCount: 1,
  final: { train: null, test: null },
});
const history = { train: { step: [1], nelbo: [500], recon: [490], kl: [10], loss: [500] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] };

/** A worker that answers runs requests from a script. */
function setup(answer: (c: Extract<Command, { type: 'runs' }>) => TrainerEvent | null = () => null) {
  const sent: Command[] = [];
  const listeners = new Set<(e: TrainerEvent) => void>();
  const fire = (e: TrainerEvent) => [...listeners].forEach((l) => l(e));
  const loaded: [ExperimentConfig, unknown][] = [];
  const store = createRunsStore(
    withRequests({
      send: (c) => {
        sent.push(c);
        const a = c.type === 'runs' ? answer(c) : null;
        if (a) queueMicrotask(() => fire(a));
      },
      subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    }),
    (config, opts) => loaded.push([config, opts]),
  );
  return { store, sent, fire, loaded, actions: store.getState().actions };
}

describe('runs store', () => {
  it('keeps the list current as the worker saves, and withdraws the offer to resume once a run saves', () => {
    const { store, fire } = setup();
    fire({ type: 'resumable', run: run('old', 40) });
    expect(store.getState().resumable?.id).toBe('old');
    fire({ type: 'runSaved', run: run('new', 5) });
    fire({ type: 'runSaved', run: run('new', 9) });
    expect(store.getState()).toMatchObject({ currentRunId: 'new', resumable: null });
    expect(store.getState().runs.map((r) => [r.id, r.step])).toEqual([['new', 9]]);
    fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    expect(store.getState().currentRunId).toBeNull();
  });

  it('resume loads the run’s config into the Train view, then asks the worker to restore it', () => {
    const { actions, sent, loaded, store } = setup();
    const r = run('r1', 33);
    store.setState({ resumable: r });
    actions.resume(r, true);
    expect(loaded).toEqual([[r.config, undefined]]);
    expect(sent).toEqual([{ type: 'resumeRun', runId: 'r1', train: true }]);
    expect(store.getState().resumable).toBeNull();
  });

  it('compares: fetches a run’s curves once when chosen, and shows worker refusals as notices', async () => {
    const { actions, store, sent } = setup((c) => {
      const requestId = c.requestId;
      if (c.request.op === 'history') return { type: 'runsResult', requestId, result: { op: 'history', id: c.request.id, history } };
      if (c.request.op === 'importModel') return { type: 'runsError', requestId, message: 'This model file is truncated.' };
      return null;
    });
    await actions.toggleCompare('a');
    expect(store.getState().compare).toEqual(['a']);
    expect(store.getState().histories.a).toEqual(history);
    await actions.toggleCompare('a');
    await actions.toggleCompare('a');
    expect(sent.filter((c) => c.type === 'runs')).toHaveLength(1);
    expect(await actions.importModel('{"format":')).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'This model file is truncated.' });
  });

  it('starts a new experiment from a config: reset first, so the model is rebuilt', () => {
    const { actions, sent, loaded } = setup();
    const c = { ...DEFAULT_CONFIG, hidden: [60, 32] };
    actions.startFrom(c);
    expect(sent).toEqual([{ type: 'reset' }]);
    expect(loaded).toEqual([[c, undefined]]);
  });
});
