/**
 * A run's snapshots in the app's IndexedDB, beside its checkpoint ('checkpoints' store): one record
 * per snapshot, `snap/<run id>/<step>`, so taking one writes only it. runStore.ts's remove deletes
 * them with the run.
 */
import { appDb } from '../../data/db';
import { run } from '../../data/idb';
import type { Snapshot } from '../../protocol';
import { CHECKPOINT_STORE as S, snapshotKey, snapshotRange } from '../checkpoint/runStore';

export interface SnapshotStore {
  /** Adds `add` and deletes the snapshots at `drop` steps in one transaction; false when the write failed. */
  put(runId: string, add: Snapshot[], drop: number[]): Promise<boolean>;
  /** Ascending by step; empty when the run has none. */
  list(runId: string): Promise<Snapshot[]>;
  remove(runId: string): Promise<void>;
}

export const idbSnapshotStore: SnapshotStore = {
  async put(runId, add, drop) {
    const d = await appDb();
    if (!d) return false;
    try {
      await run(d, S, 'readwrite', (t) => {
        const s = t.objectStore(S);
        for (const step of drop) s.delete(snapshotKey(runId, step));
        for (const snap of add) s.put(snap, snapshotKey(runId, snap.step));
      });
      return true;
    } catch {
      return false;
    }
  },
  async list(runId) {
    const d = await appDb();
    if (!d) return [];
    // Keys sort by their padded step, so getAll hands them back in order.
    return (await run(d, S, 'readonly', (t) => t.objectStore(S).getAll(snapshotRange(runId)))) as Snapshot[];
  },
  async remove(runId) {
    const d = await appDb();
    if (!d) return;
    await run(d, S, 'readwrite', (t) => t.objectStore(S).delete(snapshotRange(runId)));
  },
};
