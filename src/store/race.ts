import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TrainerPort } from '../client/port';
import type { ExperimentConfig } from '../config/experiment';
import type { RunSummary, TrainerEvent } from '../protocol';
import { followLane, freshTrack, onTrack, openingTrack, type LaneTrack } from './raceTrack';
import { loadRace, saveRace, type SavedRace } from './raceSaved';
import type { TrainingState } from './training';

/** One side of a race: what the run is called and the settings it trains with. */
export interface RaceEntry {
  name: string;
  config: ExperimentConfig;
}
/** A saved run to race. */
export type SavedEntry = RaceEntry & { runId: string };
export type Pair<T> = [T, T];

export interface RaceState {
  /** Lane 0 is the Train view's run (the run bar's), lane 1 the second trainer's; null before any race. */
  entries: Pair<RaceEntry> | null;
  tracks: Pair<LaneTrack>;
  /** Both lanes hold (or are starting) the race's runs: they pause and resume together. */
  live: boolean;
  /** Why the race ended, or what went wrong. */
  message: string | null;
  actions: {
    /** Two new runs from these settings, both training at once. */
    start(a: RaceEntry, b: RaceEntry): void;
    /** Two saved runs, reopened with their optimizers; `train` goes on training both. */
    open(a: SavedEntry, b: SavedEntry, train: boolean): void;
    /** Reopens the last race (after a reload, or after it ended), paused. */
    reopen(): void;
    /** Trains (resumes) each run that is paused; a finished run stays finished. */
    train(): void;
    pause(): void;
    /** One batch for each paused run. */
    step(): void;
    /** The second lane closes its run (kept in Runs) and its worker goes; the Train view's run stays. */
    end(): void;
  };
}

export interface RaceDeps {
  main: Pick<TrainerPort, 'subscribe'>;
  lane: Pick<TrainerPort, 'send' | 'subscribe'> & { terminate(): void };
  mainTraining: StoreApi<TrainingState>;
  laneTraining: StoreApi<TrainingState>;
  /** A new run in the Train view, named, training (the runs store's startFrom). */
  startMain(entry: RaceEntry): void;
  /** A saved run into the Train view (the runs store's resume). */
  openMain(entry: SavedEntry, train: boolean): void;
  currentMainRunId(): string | null;
  /** The lane saved its run: the Runs list shows it. */
  laneSaved(run: RunSummary): void;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** A lane now holds this race run: its timeline (snapshots so far) is fetched. */
  followRun?(runId: string): void;
}

const OFF: LaneTrack = { phase: 'off', runId: null };

export function createRaceStore(d: RaceDeps): StoreApi<RaceState> {
  const saved = loadRace(d.storage);
  /** Set by end(): the lane's worker goes once its reset has saved and closed the run. */
  let releaseLane = false;
  const lanes = [d.mainTraining, d.laneTraining] as const;

  const prepareLane = () => {
    releaseLane = false;
    const m = d.mainTraining.getState();
    // The lane trains where the Train view does: a known backend needs no probe of its own.
    d.laneTraining.getState().actions.setBackend(m.backend ? (m.backend.name as typeof m.backendChoice) : m.backendChoice);
  };

  const store = createStore<RaceState>()((set, get) => ({
    entries: saved ? [saved[0], saved[1]] : null,
    tracks: saved ? [{ phase: 'off', runId: saved[0].runId }, { phase: 'off', runId: saved[1].runId }] : [OFF, OFF],
    live: false,
    message: null,
    actions: {
      start: (a, b) => {
        prepareLane();
        set({ entries: [a, b], tracks: [freshTrack(), freshTrack()], live: true, message: null });
        d.startMain(a);
        d.lane.send({ type: 'reset' });
        d.lane.send({ type: 'setConfig', config: b.config });
        d.lane.send({ type: 'start', name: b.name });
      },
      open: (a, b, train) => {
        prepareLane();
        const held = d.currentMainRunId() === a.runId;
        set({ entries: [a, b], tracks: [held ? onTrack(a.runId) : openingTrack(a.runId), openingTrack(b.runId)], live: true, message: null });
        if (!held) d.openMain(a, train);
        else if (train && d.mainTraining.getState().state === 'paused') d.mainTraining.getState().actions.resume();
        d.lane.send({ type: 'resumeRun', runId: b.runId, train });
      },
      reopen: () => {
        const { entries, tracks } = get();
        const [ia, ib] = [tracks[0].runId, tracks[1].runId];
        if (!entries || !ia || !ib) return;
        get().actions.open({ ...entries[0], runId: ia }, { ...entries[1], runId: ib }, false);
      },
      train: () => lanes.forEach((l) => l.getState().state === 'paused' && l.getState().actions.resume()),
      pause: () => lanes.forEach((l) => l.getState().state === 'training' && l.getState().actions.pause()),
      step: () => lanes.forEach((l) => ['paused', 'idle'].includes(l.getState().state) && l.getState().actions.step()),
      end: () => finish(null),
    },
  }));

  function finish(message: string | null): void {
    if (!store.getState().live) return;
    store.setState({ live: false, message });
    releaseLane = true;
    d.lane.send({ type: 'reset' });
  }

  const follow = (lane: 0 | 1) => (e: TrainerEvent) => {
    const s = store.getState();
    const next = followLane(s.tracks[lane], e);
    if (next === s.tracks[lane]) return;
    const tracks: Pair<LaneTrack> = lane === 0 ? [next, s.tracks[1]] : [s.tracks[0], next];
    store.setState({ tracks });
    if (!s.live) return;
    if (next.phase === 'on') d.followRun?.(next.runId!);
    if (next.phase === 'off') {
      const error = d.laneTraining.getState().errors.at(-1)?.message;
      const why = lane === 0 ? 'the Train view went on to another run' : `the second run could not go on${error ? ` (${error})` : ''}`;
      finish(`The race ended: ${why}. Both runs are kept in Runs.`);
    } else if (tracks.every((t) => t.phase === 'on') && s.entries) {
      saveRace(d.storage, [0, 1].map((i) => ({ ...s.entries![i], runId: tracks[i].runId! })) as SavedRace);
    }
  };
  d.main.subscribe(follow(0));
  d.lane.subscribe((e) => {
    follow(1)(e);
    if (e.type === 'runSaved') d.laneSaved(e.run);
    if (releaseLane && e.type === 'status' && e.state === 'idle' && e.step === 0) {
      releaseLane = false;
      d.lane.terminate();
    }
  });

  // The run bar, Space and lessons drive the Train view's run; the second lane follows it.
  d.mainTraining.subscribe((m, prev) => {
    if (!store.getState().live || m.state === prev.state) return;
    const l = d.laneTraining.getState();
    if (m.state === 'training' && l.state === 'paused') l.actions.resume();
    else if (m.state === 'paused' && l.state === 'training') l.actions.pause();
  });
  // A lane that finished loading while the Train view's run was paused waits for it.
  d.laneTraining.subscribe((l, prev) => {
    if (store.getState().live && l.state === 'training' && prev.state === 'loading' && d.mainTraining.getState().state === 'paused') l.actions.pause();
  });
  return store;
}
