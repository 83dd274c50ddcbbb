import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { Command, RunSummary, TrainerEvent } from '../protocol';
import { createRaceStore, type RaceEntry } from './race';
import { createTrainingStore } from './training';

/** A trainer port that records commands and lets the test speak for its worker. */
function port() {
  const sent: Command[] = [];
  const listeners = new Set<(e: TrainerEvent) => void>();
  let terminated = 0;
  return {
    sent,
    send: (c: Command) => void sent.push(c),
    subscribe: (l: (e: TrainerEvent) => void) => (listeners.add(l), () => void listeners.delete(l)),
    fire: (e: TrainerEvent) => [...listeners].forEach((l) => l(e)),
    terminate: () => void terminated++,
    get terminated() {
      return terminated;
    },
  };
}

const summary = (id: string): RunSummary => ({ id, name: id, config: DEFAULT_CONFIG, dataset: { id: 'mnist', shape: [28, 28, 1] }, status: 'active', step: 5, epoch: 0, createdAt: 0, updatedAt: 0, trainingMs: 0, paramCount: 1, final: { train: null, test: null } });
const status = (state: 'idle' | 'loading' | 'training' | 'paused', step = 3): TrainerEvent => ({ type: 'status', state, step: state === 'idle' ? 0 : step, epoch: 0 });
const a: RaceEntry = { name: 'd = 2', config: { ...DEFAULT_CONFIG, latentDim: 2 } };
const b: RaceEntry = { name: 'd = 20', config: { ...DEFAULT_CONFIG, latentDim: 20 } };

function setup(current: string | null = null) {
  const main = port();
  const lane = port();
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const started: RaceEntry[] = [];
  const opened: [string, boolean][] = [];
  const listed: string[] = [];
  const followed: string[] = [];
  const mainTraining = createTrainingStore(main);
  const laneTraining = createTrainingStore(lane);
  const deps = {
    main,
    lane,
    mainTraining,
    laneTraining,
    startMain: (e: RaceEntry) => void started.push(e),
    openMain: (e: { runId: string }, train: boolean) => void opened.push([e.runId, train]),
    currentMainRunId: () => current,
    laneSaved: (r: RunSummary) => void listed.push(r.id),
    storage,
    followRun: (id: string) => void followed.push(id),
  };
  const race = createRaceStore(deps);
  return { main, lane, race, actions: race.getState().actions, started, opened, listed, followed, storage, deps };
}

/** Both trainers go through a new run's events: the reset, loading, training, a first save. */
function bothTraining(t: ReturnType<typeof setup>) {
  for (const [p, id] of [[t.main, 'A'], [t.lane, 'B']] as const) {
    p.fire(status('idle'));
    p.fire(status('loading', 0));
    p.fire(status('training'));
    p.fire({ type: 'runSaved', run: summary(id) });
  }
}

/** A race of a against b under way: started, and both runs training and saved once (A and B). */
function racing() {
  const t = setup();
  t.actions.start(a, b);
  bothTraining(t);
  return t;
}

describe('a race of two runs', () => {
  it('starts a new run in the Train view and one in the second lane, and learns both runs’ ids', () => {
    const t = setup();
    t.actions.start(a, b);
    expect(t.started).toEqual([a]);
    expect(t.lane.sent.map((c) => c.type)).toEqual(['setBackend', 'reset', 'setConfig', 'start']);
    expect(t.lane.sent.find((c) => c.type === 'start')).toEqual({ type: 'start', name: 'd = 20' });
    bothTraining(t);
    expect(t.race.getState().tracks.map((x) => [x.phase, x.runId])).toEqual([['on', 'A'], ['on', 'B']]);
    expect(t.listed).toEqual(['B']);
    // Each run's timeline is fetched once the race knows it.
    expect(t.followed).toEqual(['A', 'B']);
  });

  it('the second lane pauses and resumes with the Train view’s run (run bar, Space, lessons)', () => {
    const t = racing();
    t.main.fire(status('paused'));
    expect(t.lane.sent.at(-1)).toEqual({ type: 'pause' });
    t.lane.fire(status('paused'));
    t.main.fire(status('training'));
    expect(t.lane.sent.at(-1)).toEqual({ type: 'resume' });
  });

  it('ends when the Train view goes on to another run: the lane closes its run, then its worker goes', () => {
    const t = racing();
    t.main.fire({ type: 'history', runId: 'other', history: { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] } });
    expect(t.race.getState().live).toBe(false);
    expect(t.race.getState().message).toMatch(/Train view went on to another run/);
    expect(t.lane.sent.at(-1)).toEqual({ type: 'reset' });
    expect(t.lane.terminated).toBe(0);
    t.lane.fire(status('idle'));
    expect(t.lane.terminated).toBe(1);
    // No longer mirrored.
    t.main.fire(status('paused'));
    expect(t.lane.sent.at(-1)).toEqual({ type: 'reset' });
  });

  it('is remembered, and after a reload reopens both runs paused, the Train view’s own without reopening it', () => {
    const t = racing();
    const again = createRaceStore({ ...setup('A').deps, storage: t.storage });
    expect(again.getState().entries?.map((e) => e.name)).toEqual(['d = 2', 'd = 20']);
    expect(again.getState().live).toBe(false);
    const u = setup('A');
    const reloaded = createRaceStore({ ...u.deps, storage: t.storage });
    reloaded.getState().actions.reopen();
    expect(u.opened).toEqual([]);
    expect(u.lane.sent.at(-1)).toEqual({ type: 'resumeRun', runId: 'B', train: false });
    expect(reloaded.getState().tracks.map((x) => x.phase)).toEqual(['on', 'opening']);
  });

  it('opens two saved runs training, and a run that cannot open ends the race with the reason', () => {
    const t = setup();
    t.actions.open({ ...a, runId: 'A' }, { ...b, runId: 'B' }, true);
    expect(t.opened).toEqual([['A', true]]);
    expect(t.lane.sent.at(-1)).toEqual({ type: 'resumeRun', runId: 'B', train: true });
    t.lane.fire({ type: 'error', code: 'trainer-failed', message: 'This run is open in another tab.', recoverable: true });
    expect(t.race.getState().live).toBe(false);
    expect(t.race.getState().message).toMatch(/second run could not go on \(This run is open in another tab\.\)/);
  });
});
