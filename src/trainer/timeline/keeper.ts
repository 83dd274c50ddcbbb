import { isSnapshotStep, TIMELINE_BUDGET_BYTES, type LatentPlane, type RunTimelineData, type Snapshot, type TrainerEvent } from '../../protocol';
import type { TrainingSession } from '../session';
import { thin } from './budget';
import { takeSnapshot } from './capture';
import type { SnapshotStore } from './store';

/** Whether a session stands at a moment the timeline keeps: an epoch's end, or a log-spaced step. */
export function snapshotDue(s: Pick<TrainingSession, 'step' | 'stepInEpoch'>): Snapshot['reason'] | null {
  if (s.step > 0 && s.stepInEpoch === 0) return 'epoch';
  return isSnapshotStep(s.step) ? 'schedule' : null;
}

/**
 * The current run's timeline in the worker: its snapshots in memory (≤ the budget), each new one
 * announced to the page and written to the run's storage through the recorder's write queue.
 */
export class TimelineKeeper {
  private snaps: Snapshot[] = [];
  /** Resolves once the snapshots saved before (a resumed run's) are in memory. */
  readonly ready: Promise<void>;

  constructor(
    readonly runId: string,
    private readonly store: SnapshotStore,
    private readonly emit: (e: TrainerEvent) => void,
    private readonly write: (task: () => Promise<unknown>) => void,
    initial: Snapshot[] | Promise<Snapshot[]> = [],
    readonly budget = TIMELINE_BUDGET_BYTES,
  ) {
    this.ready = Promise.resolve(initial).then(
      (list) => {
        // Those taken meanwhile are newer than what was stored.
        const newer = this.snaps;
        this.snaps = [...list.filter((s) => !newer.some((n) => n.step === s.step)), ...newer].sort((a, b) => a.step - b.step);
      },
      () => undefined,
    );
  }

  get snapshots(): Snapshot[] {
    return this.snaps;
  }

  get bytes(): number {
    return this.snaps.reduce((n, s) => n + s.bytes, 0);
  }

  data(): RunTimelineData {
    return { runId: this.runId, snapshots: [...this.snaps], bytes: this.bytes, budgetBytes: this.budget };
  }

  /** Takes a snapshot if the session stands at a kept moment not taken yet. */
  async maybeTake(session: TrainingSession): Promise<void> {
    const reason = snapshotDue(session);
    if (!reason || this.snaps.some((s) => s.step === session.step)) return;
    const previous: LatentPlane | null = this.snaps.at(-1)?.codes.plane ?? null;
    this.add(await takeSnapshot(session, this.runId, reason, previous));
  }

  /** Keeps a snapshot, thinning older ones past the budget; tells the page and queues the write. */
  add(snap: Snapshot): void {
    const all = [...this.snaps.filter((s) => s.step !== snap.step), snap].sort((a, b) => a.step - b.step);
    const dropped = thin(all, this.budget);
    this.snaps = all.filter((s) => !dropped.includes(s.step));
    const kept = this.snaps.includes(snap);
    if (kept) this.emit({ type: 'snapshot', snapshot: snap, dropped, bytes: this.bytes });
    this.write(() => this.store.put(this.runId, kept ? [snap] : [], dropped));
  }
}
