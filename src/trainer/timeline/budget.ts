import type { ImageGridPayload, Snapshot } from '../../protocol';

/** Room for a snapshot's fields besides its arrays (step, terms, names), bytes. */
const FIELDS_BYTES = 256;

const gridBytes = (g: ImageGridPayload | null) => (g ? g.pixels.byteLength : 0);

/** What a snapshot takes in storage: its arrays plus a little for the fields. */
export function snapshotBytes(s: Omit<Snapshot, 'bytes'>): number {
  const c = s.codes;
  const plane = c.plane.mean.byteLength + c.plane.components.byteLength + c.plane.explained.byteLength;
  return FIELDS_BYTES + gridBytes(s.reconstructions) + gridBytes(s.samples) + gridBytes(s.manifold) + c.points.byteLength + c.labels.byteLength + plane;
}

/**
 * The steps to drop so the rest fit `budget` bytes. Keeps the first and the last snapshot; each
 * time drops the one whose neighbours lie closest in log(step + 1), so what is left stays spread
 * over the run's log-time as the schedule was. `entries` ascend by step.
 */
export function thin(entries: readonly { step: number; bytes: number }[], budget: number): number[] {
  const kept = [...entries];
  let total = kept.reduce((n, e) => n + e.bytes, 0);
  const dropped: number[] = [];
  const at = (i: number) => Math.log1p(kept[i].step);
  while (total > budget && kept.length > 2) {
    let best = 1;
    for (let i = 2; i < kept.length - 1; i++) if (at(i + 1) - at(i - 1) < at(best + 1) - at(best - 1)) best = i;
    total -= kept[best].bytes;
    dropped.push(kept[best].step);
    kept.splice(best, 1);
  }
  return dropped;
}
