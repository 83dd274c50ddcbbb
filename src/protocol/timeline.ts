/**
 * The training timeline: snapshots a run keeps of itself while it trains, part of the page ↔
 * worker contract (src/protocol/).
 *
 * The worker takes a snapshot at the log-spaced steps of `isSnapshotStep` (0, 10, 20, 50, 100,
 * 200, 500, 1000, …) and at every epoch's end, stores it with the run in IndexedDB (beside the
 * checkpoint; at most TIMELINE_BUDGET_BYTES a run, thinned past it), writes it into the exported
 * run file and reads it back on import. The page hears each new one as a `snapshot` event of the
 * current run and asks for a run's whole list with the runs request `{ op: 'snapshots', id }`.
 *
 * How a second run uses it (the race): every snapshot names its `runId`, and the page-side store
 * (src/store/timeline.ts) keeps one `RunTimeline` per run id with its own selected moment. A race
 * loads both runs' lists (`timelineActions.load(id)`), puts both ids on one scrubber
 * (`<Scrubber runIds={[a, b]} />` from src/panels/Timeline/), which moves both moments to the same
 * step (each run shows its latest snapshot at or before it: `snapshotAt`), and renders each run's
 * panels with `<SnapshotGrid runId … />` and `<SnapshotScatter runId … />`. The video recorder
 * (panels/Timeline/video.ts) draws frames for any list of run ids side by side.
 */
import type { LatentPlane } from './analysis';
import type { ImageGridPayload, LossTerms } from './payloads';

/** The most a run's snapshots may take in storage; past it the worker thins them (never the first or the last). */
export const TIMELINE_BUDGET_BYTES = 5 * 1024 * 1024;

/** The first log-spaced steps; the pattern 1, 2, 5 goes on by tens (…, 10 000, 20 000, 50 000, …). */
export const SNAPSHOT_STEPS_START = [0, 10, 20, 50] as const;

/** True at 0, 10, 20, 50, 100, 200, 500, 1000, …: the log-spaced steps a snapshot is taken at (epoch ends come on top). */
export function isSnapshotStep(step: number): boolean {
  if (step === 0) return true;
  if (!Number.isInteger(step) || step < 10) return false;
  let m = step;
  while (m % 10 === 0 && m >= 100) m /= 10;
  return m === 10 || m === 20 || m === 50;
}

/** Latent codes of a fixed subset of the test split (its first `count` images), on a plane as latentScatter gives them. */
export interface SnapshotCodes {
  /** count × 2 values: (u, v) on `plane` (z itself when d = 2, else the two principal axes at that moment). */
  points: Float32Array;
  labels: Uint8Array;
  count: number;
  dim: number;
  /** When d > 2 the axes keep the previous snapshot's orientation, so the scatter does not flip between moments. */
  plane: LatentPlane;
}

/** One moment of a run. Grids are the same uint8 grids the live panels show; none is thinned below that. */
export interface Snapshot {
  runId: string;
  step: number;
  epoch: number;
  /** 'epoch' when taken at an epoch's end (even if the step is also log-spaced), else 'schedule'. */
  reason: 'schedule' | 'epoch';
  /** Loss terms of the fixed test subset at this moment, fixed draws (nats per image): moments compare. */
  terms: LossTerms;
  /** Test images beside their reconstructions (as the Train view's grid). */
  reconstructions: ImageGridPayload;
  /** Decoder means at the run's fixed prior draws z (as the Train view's grid). */
  samples: ImageGridPayload;
  codes: SnapshotCodes;
  /** Decoder means over the equal-mass grid of the 2-D latent plane; null when d ≠ 2. */
  manifold: ImageGridPayload | null;
  /** What it takes in storage, bytes (its arrays plus a little for the fields). */
  bytes: number;
}

/** A run's timeline as the worker answers it. Snapshots ascend by step. */
export interface RunTimelineData {
  runId: string;
  snapshots: Snapshot[];
  /** Sum of the snapshots' bytes, ≤ budgetBytes. */
  bytes: number;
  budgetBytes: number;
}

/** The timeline's requests on saved runs (merged into RunsOps in runs.ts). */
export interface TimelineOps {
  /** A run's snapshots: the current run's from memory, a saved one's from storage (empty when it has none). */
  snapshots: { request: { id: string }; result: RunTimelineData };
}

/**
 * The event the worker sends for each new snapshot of the current run. `dropped` lists the steps
 * the budget thinned out to make room (the page forgets them too).
 */
export interface SnapshotEvent {
  type: 'snapshot';
  snapshot: Snapshot;
  dropped: number[];
  bytes: number;
}
