import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TrainerPort } from '../client/port';
import type { Snapshot, TrainerEvent } from '../protocol';
import { plainError } from '../plainError';

/**
 * The training timeline on the page: each run's snapshots and the moment shown for it. Panels
 * backed by snapshots (panels/Timeline/) read `shownSnapshot(state, runId)`: null means live.
 * A race keeps two runs here and moves both with one scrubber (`select([a, b], step)`).
 */
export interface RunTimeline {
  /** Ascending by step. */
  snapshots: Snapshot[];
  /** The step scrubbed to, or null for the present (live panels). */
  moment: number | null;
  bytes: number;
  loading: boolean;
  error: string | null;
}

export interface TimelineState {
  runs: Record<string, RunTimeline>;
  /** The run the Train view holds: the one whose snapshots arrive as events. */
  currentRunId: string | null;
  /** Run ids Play is animating, or null. */
  playing: string[] | null;
  actions: {
    /** Fetches a run's snapshots from the worker (a saved run, or the current one after a reload). */
    load(runId: string): Promise<void>;
    /** Scrubs these runs to `step` (each shows its latest snapshot at or before it), or back to live with null. */
    select(runIds: string[], step: number | null): void;
    /** Moves to the previous or next snapshot step of these runs, the first, or the last ('end' = live). */
    move(runIds: string[], to: 'prev' | 'next' | 'home' | 'end'): void;
    /** Animates from the first snapshot to the present, then goes live. */
    play(runIds: string[]): void;
    stop(): void;
  };
}

/** Milliseconds each moment stays on screen while playing. */
export const PLAY_FRAME_MS = 450;

const emptyRun = (): RunTimeline => ({ snapshots: [], moment: null, bytes: 0, loading: false, error: null });

/** The snapshot shown for a moment: the latest at or before `step`. */
export function snapshotAt(t: RunTimeline | undefined, step: number): Snapshot | null {
  if (!t) return null;
  let found: Snapshot | null = null;
  for (const s of t.snapshots) {
    if (s.step > step) break;
    found = s;
  }
  return found ?? t.snapshots[0] ?? null;
}

/** What a snapshot-backed panel of this run shows: a snapshot, or null for live. */
export function shownSnapshot(state: Pick<TimelineState, 'runs'>, runId: string | null): Snapshot | null {
  const t = runId ? state.runs[runId] : undefined;
  return t && t.moment !== null ? snapshotAt(t, t.moment) : null;
}

/** The steps of the scrubber over these runs: every snapshot step of any of them, ascending. */
export function timelineSteps(state: Pick<TimelineState, 'runs'>, runIds: string[]): number[] {
  const steps = new Set<number>();
  for (const id of runIds) for (const s of state.runs[id]?.snapshots ?? []) steps.add(s.step);
  return [...steps].sort((a, b) => a - b);
}

/** "step 200 · epoch 1" */
export function momentLabel(step: number, epoch: number): string {
  return `step ${step.toLocaleString('en')} · epoch ${epoch}`;
}

/**
 * The line under a snapshot-backed picture naming the moment it shows, so every panel says it the
 * same way: "At step 100 · epoch 0 (timeline)" while scrubbed back, "At step 564" live (the step
 * of the live picture), null before there is either.
 */
export function momentCaption(shown: Pick<Snapshot, 'step' | 'epoch'> | null, liveStep: number | null): string | null {
  if (shown) return `At ${momentLabel(shown.step, shown.epoch)} (timeline)`;
  return liveStep === null ? null : `At step ${liveStep.toLocaleString('en')}`;
}

/** Folds a worker event into the timeline; pure, so tested without a worker. */
export function foldTimeline(s: Omit<TimelineState, 'actions'>, e: TrainerEvent): Partial<Omit<TimelineState, 'actions'>> {
  if (e.type === 'snapshot') {
    const id = e.snapshot.runId;
    const t = s.runs[id] ?? emptyRun();
    const gone = new Set([...e.dropped, e.snapshot.step]);
    const snapshots = [...t.snapshots.filter((x) => !gone.has(x.step)), e.snapshot].sort((a, b) => a.step - b.step);
    return { currentRunId: id, runs: { ...s.runs, [id]: { ...t, snapshots, bytes: e.bytes } } };
  }
  if (e.type === 'history') return { currentRunId: e.runId };
  if (e.type === 'status' && e.state === 'idle' && e.step === 0 && s.currentRunId) {
    // A reset: the old run's snapshots leave memory (up to 5 MB each); `load` brings them back for a race.
    const runs = { ...s.runs };
    delete runs[s.currentRunId];
    return { currentRunId: null, playing: null, runs };
  }
  return {};
}

export function createTimelineStore(port: Pick<TrainerPort, 'request' | 'subscribe'>): StoreApi<TimelineState> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const store = createStore<TimelineState>()((set, get) => {
    const patch = (id: string, p: Partial<RunTimeline>) => set((s) => ({ runs: { ...s.runs, [id]: { ...(s.runs[id] ?? emptyRun()), ...p } } }));
    const setMoment = (runIds: string[], step: number | null) =>
      set((s) => {
        const runs = { ...s.runs };
        for (const id of runIds) runs[id] = { ...(runs[id] ?? emptyRun()), moment: step };
        return { runs };
      });
    const stop = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (get().playing) set({ playing: null });
    };
    const current = (runIds: string[]): number | null => {
      const m = runIds.map((id) => get().runs[id]?.moment).find((x) => x !== undefined && x !== null);
      return m ?? null;
    };
    return {
      runs: {},
      currentRunId: null,
      playing: null,
      actions: {
        async load(runId) {
          patch(runId, { loading: true, error: null });
          try {
            const r = await port.request<'snapshots'>('runs', { op: 'snapshots', id: runId });
            // Snapshots that arrived while the request was out are newer than the answer's: keep them.
            const have = get().runs[runId]?.snapshots ?? [];
            const steps = new Set(r.snapshots.map((x) => x.step));
            const snapshots = [...r.snapshots, ...have.filter((x) => !steps.has(x.step) && x.step > (r.snapshots.at(-1)?.step ?? -1))];
            patch(runId, { snapshots, bytes: r.bytes, loading: false });
          } catch (err) {
            patch(runId, { loading: false, error: plainError(err) });
          }
        },
        select(runIds, step) {
          stop();
          setMoment(runIds, step);
        },
        move(runIds, to) {
          stop();
          const steps = timelineSteps(get(), runIds);
          if (steps.length === 0) return;
          const now = current(runIds);
          let next: number | null;
          if (to === 'home') next = steps[0];
          else if (to === 'end') next = null;
          else if (now === null) next = to === 'prev' ? steps[steps.length - 1] : null;
          else {
            const at = Math.max(0, steps.findLastIndex((x) => x <= now));
            const j = to === 'prev' ? Math.max(0, at - 1) : at + 1;
            next = j < steps.length ? steps[j] : null;
          }
          setMoment(runIds, next);
        },
        play(runIds) {
          stop();
          const steps = timelineSteps(get(), runIds);
          if (steps.length === 0) return;
          set({ playing: runIds });
          let i = 0;
          const tick = () => {
            // Snapshots taken while playing join the end of the animation.
            const all = timelineSteps(get(), runIds);
            if (i >= all.length) {
              setMoment(runIds, null);
              timer = null;
              set({ playing: null });
              return;
            }
            setMoment(runIds, all[i++]);
            timer = setTimeout(tick, PLAY_FRAME_MS);
          };
          tick();
        },
        stop,
      },
    };
  });
  port.subscribe((e) => {
    const p = foldTimeline(store.getState(), e);
    if (Object.keys(p).length > 0) store.setState(p);
    // A resumed run or an imported model: its saved timeline comes back with its curves.
    if (e.type === 'history') void store.getState().actions.load(e.runId);
  });
  return store;
}
