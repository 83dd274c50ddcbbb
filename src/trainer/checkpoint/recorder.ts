import type { ExperimentConfig } from '../../config/experiment';
import { TIMELINE_BUDGET_BYTES, type RunHistory, type RunSummary, type RunTimelineData, type Snapshot, type TrainerEvent } from '../../protocol';
import { TimelineKeeper } from '../timeline/keeper';
import { idbSnapshotStore, type SnapshotStore } from '../timeline/store';
import type { TrainingSession } from '../session';
import { MetricHistory } from './history';
import { webLocks, type RunLocks } from './locks';
import { runName } from './names';
import { idbRunStore, type RunStore } from './runStore';
import { captureSession, type RestorableState } from './snapshot';

/** Autosave cadence while training; epoch ends, pauses and resets save at once as well. */
export const AUTOSAVE_MS = 3000;
/** How long a resume waits for a lock whose holder (a closing tab, a crashed worker) is going away. */
export const LOCK_WAIT_MS = 1500;

/** A saved run opened for resuming, or a model file opened as a new run; its lock is held. */
export interface OpenedRun {
  summary: RunSummary;
  history: RunHistory;
  state: RestorableState;
  /** A model file's training timeline (its run id already set); a saved run's is read from storage. */
  snapshots?: Snapshot[];
}

interface Current {
  session: TrainingSession;
  summary: RunSummary;
  history: MetricHistory;
  config: () => ExperimentConfig;
  lastSaveAt: number;
  trainingSince: number | null;
  lock: Promise<boolean>;
  timeline: TimelineKeeper;
}

export interface RecorderOptions {
  store?: RunStore;
  locks?: RunLocks;
  /** Where runs' timelines are kept: beside the checkpoints in IndexedDB unless a test says otherwise. */
  snapshots?: SnapshotStore;
  /** Timestamps stored with runs (the host clock only measures intervals). */
  wallClock?: () => number;
  newId?: () => string;
}

/**
 * Keeps the current run's record: it watches the events the core emits (metrics build the
 * curves, status changes count training time and trigger saves) and writes checkpoints to the
 * RunStore, serialised so a later save never lands before an earlier one.
 */
export class RunRecorder {
  private current: Current | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  /** True after a failed save until one succeeds, so a full disk gives one message, not one per autosave. */
  private saveFailing = false;
  private lastSavedStep = 0;
  readonly store: RunStore;
  readonly locks: RunLocks;
  readonly snapshots: SnapshotStore;
  private readonly wallClock: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly emit: (e: TrainerEvent) => void,
    private readonly now: () => number,
    opts: RecorderOptions = {},
  ) {
    this.store = opts.store ?? idbRunStore;
    this.locks = opts.locks ?? webLocks();
    this.snapshots = opts.snapshots ?? idbSnapshotStore;
    this.wallClock = opts.wallClock ?? Date.now;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
  }

  get run(): { summary: RunSummary; history: MetricHistory; session: TrainingSession } | null {
    const c = this.current;
    return c && { summary: this.summarize(c), history: c.history, session: c.session };
  }

  /** Resolves once every save asked for so far has been written (or has failed). */
  settled(): Promise<unknown> {
    return this.writes;
  }

  /** A new session: a new run, saved from its first checkpoint on. */
  begin(session: TrainingSession, dataset: RunSummary['dataset'], config: () => ExperimentConfig, name?: string): void {
    this.detach();
    const id = this.newId();
    const at = this.wallClock();
    const summary: RunSummary = {
      id,
      name: name?.trim().slice(0, 120) || runName(config(), at),
      config: config(),
      dataset,
      status: 'active',
      step: 0,
      epoch: 0,
      createdAt: at,
      updatedAt: at,
      trainingMs: 0,
      paramCount: session.variables.reduce((n, v) => n + v.size, 0),
      final: { train: null, test: null },
    };
    const lock = this.locks.acquire(id);
    this.current = { session, summary, history: new MetricHistory(), config, lastSaveAt: this.now(), trainingSince: null, lock, timeline: this.keeper(id, lock) };
    this.lastSavedStep = 0;
    this.saveFailing = false;
  }

  /** Makes an opened run (its lock already held) the current one, in place of the session's new run. */
  adopt(session: TrainingSession, open: OpenedRun, config: () => ExperimentConfig): void {
    this.detach(false);
    const history = new MetricHistory(structuredClone(open.history));
    const summary = { ...open.summary, status: 'active' as const };
    const lock = Promise.resolve(true);
    const id = summary.id;
    // A model file brings its timeline (written to storage now); a resumed run's is read back.
    const initial = open.snapshots ?? this.queue(() => this.snapshots.list(id)).catch(() => []);
    this.current = { session, summary, history, config, lastSaveAt: this.now(), trainingSince: null, lock, timeline: this.keeper(id, lock, initial) };
    if (open.snapshots?.length) {
      const snaps = open.snapshots;
      this.queue(() => this.snapshots.put(id, snaps, []));
    }
    this.lastSavedStep = open.summary.step;
    this.saveFailing = false;
  }

  /** The same run goes on in a new session (moved to another backend): its record and lock stay. */
  rebind(session: TrainingSession): void {
    if (this.current) this.current.session = session;
  }

  /** The session is going away: let the run go (a run left active would be offered for resume). */
  detach(markStopped = true): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    const id = c.summary.id;
    if (markStopped && c.summary.status === 'active' && c.session.step > 0) {
      this.queue(() => this.store.update(id, { status: 'stopped' }));
    }
    // A run reset before its first step is never saved: its step-0 snapshot goes with it.
    if (c.session.step === 0 && this.lastSavedStep === 0) this.queue(() => this.snapshots.remove(id));
    void this.writes.then(() => this.locks.release(id));
  }

  /** A last checkpoint with the given status, then detach. */
  async close(status: 'stopped' | 'finished'): Promise<void> {
    const c = this.current;
    if (!c) return;
    if (c.summary.status === 'active') c.summary.status = status;
    await this.save();
    this.detach(false);
  }

  observe(e: TrainerEvent): void {
    const c = this.current;
    if (!c) return;
    if (e.type === 'metrics') {
      c.history.add(e);
      if (e.test || this.now() - c.lastSaveAt >= AUTOSAVE_MS) void this.save();
    } else if (e.type === 'note') {
      c.history.note(e.step, e.text);
    } else if (e.type === 'status') {
      const t = this.now();
      if (e.state === 'training') c.trainingSince ??= t;
      else if (c.trainingSince !== null) {
        c.summary.trainingMs += t - c.trainingSince;
        c.trainingSince = null;
      }
      if (e.state === 'stopped') c.summary.status = 'finished';
      if (e.state === 'paused' || e.state === 'stopped') void this.save();
    }
  }

  /** Writes the current run now. Everything is copied at this instant; the write is queued. */
  save(): Promise<void> {
    const c = this.current;
    if (!c || c.session.step === 0) return Promise.resolve();
    c.lastSaveAt = this.now();
    const summary = this.summarize(c);
    const history = structuredClone(c.history.data);
    const captured = captureSession(c.session);
    return this.queue(async () => {
      const state = await captured;
      if (!(await c.lock)) return;
      if (await this.store.save(summary, history, state)) {
        this.saveFailing = false;
        this.lastSavedStep = summary.step;
        this.emit({ type: 'runSaved', run: summary });
      } else this.saveFailed(summary);
    });
  }

  /** Says once per run of failures that a checkpoint could not be written; training goes on. */
  private saveFailed(summary: RunSummary): void {
    const why = this.store.lastFailure?.();
    if (!why || this.saveFailing) return;
    this.saveFailing = true;
    const kept = this.lastSavedStep > 0 ? `the checkpoint from step ${this.lastSavedStep} is kept` : 'no earlier checkpoint of this run was lost';
    const cause = why === 'quota' ? 'this browser’s storage for the site is full' : 'the browser refused the write';
    this.emit({
      type: 'error',
      code: why === 'quota' ? 'checkpoint-quota' : 'checkpoint-failed',
      message: `Could not save a checkpoint at step ${summary.step}: ${cause}. Training goes on and ${kept}; saved datasets are untouched. ${why === 'quota' ? 'Free space under “Storage” (delete cached datasets or old runs) so saving can resume.' : 'Saving is tried again at the next autosave.'}`,
      recoverable: true,
    });
  }

  /** Takes a timeline snapshot of the current run if its session stands at a kept moment. */
  async snapshot(): Promise<void> {
    const c = this.current;
    if (c) await c.timeline.maybeTake(c.session);
  }

  /** A run's snapshots (the training timeline): the current run's from memory, a saved one's from storage. */
  async timeline(id: string): Promise<RunTimelineData> {
    const c = this.current;
    if (c?.summary.id === id) {
      await c.timeline.ready;
      return c.timeline.data();
    }
    const snapshots = await this.snapshots.list(id);
    return { runId: id, snapshots, bytes: snapshots.reduce((n, s) => n + s.bytes, 0), budgetBytes: TIMELINE_BUDGET_BYTES };
  }

  private keeper(id: string, lock: Promise<boolean>, initial?: Snapshot[] | Promise<Snapshot[]>): TimelineKeeper {
    // Written only while this tab holds the run, after the writes queued before.
    const write = (task: () => Promise<unknown>) => void this.queue(async () => ((await lock) ? task() : undefined));
    return new TimelineKeeper(id, this.snapshots, this.emit, write, initial);
  }

  /** Runs `task` after every write queued before it; the queue goes on if it fails. */
  queue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writes.then(task);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private summarize(c: Current): RunSummary {
    const s = c.session;
    const running = c.trainingSince === null ? 0 : this.now() - c.trainingSince;
    return {
      ...c.summary,
      config: c.config(),
      step: s.step,
      epoch: s.epoch,
      updatedAt: this.wallClock(),
      trainingMs: c.summary.trainingMs + running,
      final: c.history.final(),
    };
  }
}
