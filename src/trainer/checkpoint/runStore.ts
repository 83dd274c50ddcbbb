/**
 * Saved runs in the app's IndexedDB ('checkpoints' store, string keys): per run a small summary
 * (`run/<id>`), its curves (`hist/<id>`) and its checkpoint (`state/<id>`, weights and optimizer).
 * A save writes all three in one transaction: if it fails midway (a crash, a full disk) the
 * transaction aborts and the previous checkpoint stays whole. Listing reads only summaries.
 * The run's training timeline lives here too (`snap/<id>/<step>`, trainer/timeline/store.ts).
 */
import { appDb } from '../../data/db';
import { run } from '../../data/idb';
import { isQuotaError } from '../../data/storage';
import type { RunHistory, RunSummary } from '../../protocol';
import type { SessionState } from './snapshot';

export const CHECKPOINT_STORE = 'checkpoints';
/** Bumped when a saved state's layout changes in a way older code would misread. */
export const CHECKPOINT_VERSION = 1;

const key = { run: (id: string) => `run/${id}`, hist: (id: string) => `hist/${id}`, state: (id: string) => `state/${id}` };
/** A timeline snapshot's key: the padded step sorts the run's snapshots by step. */
export const snapshotKey = (id: string, step: number) => `snap/${id}/${String(step).padStart(12, '0')}`;
export const snapshotRange = (id: string) => IDBKeyRange.bound(`snap/${id}/`, `snap/${id}/\uffff`);
interface StateRecord {
  version: number;
  state: SessionState;
}

export interface RunStore {
  /** True once committed; false without IndexedDB or when the write failed (the old one is kept). */
  save(summary: RunSummary, history: RunHistory, state: SessionState): Promise<boolean>;
  /** Why the last save returned false: 'quota' (storage full), 'failed' (any other write error), or null (no IndexedDB, or it worked). */
  lastFailure?(): 'quota' | 'failed' | null;
  list(): Promise<RunSummary[]>;
  summary(id: string): Promise<RunSummary | null>;
  history(id: string): Promise<RunHistory | null>;
  /** Throws when the checkpoint was written by a newer version of the app. */
  state(id: string): Promise<SessionState | null>;
  update(id: string, patch: Partial<Pick<RunSummary, 'name' | 'status'>>): Promise<RunSummary | null>;
  remove(id: string): Promise<void>;
}

const S = CHECKPOINT_STORE;
let lastFailure: 'quota' | 'failed' | null = null;

async function get<T>(k: string): Promise<T | null> {
  const d = await appDb();
  if (!d) return null;
  const v = await run(d, S, 'readonly', (t) => t.objectStore(S).get(k));
  return (v as T | undefined) ?? null;
}

export const idbRunStore: RunStore = {
  async save(summary, history, state) {
    lastFailure = null;
    const d = await appDb();
    if (!d) return false;
    try {
      await run(d, S, 'readwrite', (t) => {
        const s = t.objectStore(S);
        s.put(summary, key.run(summary.id));
        s.put(history, key.hist(summary.id));
        s.put({ version: CHECKPOINT_VERSION, state } satisfies StateRecord, key.state(summary.id));
      });
      return true;
    } catch (e) {
      lastFailure = isQuotaError(e) ? 'quota' : 'failed';
      return false;
    }
  },

  lastFailure: () => lastFailure,

  async list() {
    const d = await appDb();
    if (!d) return [];
    const all = await run(d, S, 'readonly', (t) => t.objectStore(S).getAll(IDBKeyRange.bound('run/', 'run/\uffff')));
    return (all as RunSummary[]).sort((a, b) => b.updatedAt - a.updatedAt);
  },

  summary: (id) => get<RunSummary>(key.run(id)),
  history: (id) => get<RunHistory>(key.hist(id)),

  async state(id) {
    const r = await get<StateRecord>(key.state(id));
    if (!r) return null;
    if (r.version > CHECKPOINT_VERSION) {
      throw new Error(`This checkpoint was saved by a newer version of the app (checkpoint version ${r.version}; this page reads up to ${CHECKPOINT_VERSION}). Reload to update the page.`);
    }
    return r.state;
  },

  async update(id, patch) {
    const d = await appDb();
    if (!d) return null;
    let out: RunSummary | null = null;
    await run(d, S, 'readwrite', (t) => {
      const s = t.objectStore(S);
      const req = s.get(key.run(id));
      req.onsuccess = () => {
        if (!req.result) return;
        out = { ...(req.result as RunSummary), ...patch };
        s.put(out, key.run(id));
      };
    });
    return out;
  },

  async remove(id) {
    const d = await appDb();
    if (!d) return;
    await run(d, S, 'readwrite', (t) => {
      const s = t.objectStore(S);
      for (const k of [key.run(id), key.hist(id), key.state(id)]) s.delete(k);
      s.delete(snapshotRange(id));
    });
  },
};
