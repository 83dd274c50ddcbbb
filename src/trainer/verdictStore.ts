import type { BackendName } from '../config/experiment';
import type { BackendProbe } from '../protocol';

/**
 * The Auto probe's verdict, remembered per browser and device, so a return visit trains at once on
 * the remembered backend (the probe costs seconds: WASM start-up, shader compilation). Kept in its
 * own small IndexedDB database (workers have no localStorage), keyed by what identifies the device
 * to the page: user agent, core count, WebGPU adapter and WebGL renderer. A new browser version or
 * GPU driver changes the key, and so probes afresh.
 */
export interface Verdict {
  name: BackendName;
  reason: string;
  probes: BackendProbe[];
  at: number;
}

const DB = 'vae-playground-backend';
const STORE = 'verdicts';
/** A verdict older than this is probed again in the foreground. */
export const VERDICT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const r = fn(db.transaction(STORE, mode).objectStore(STORE));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

/** The remembered verdict for this device, or null (none, too old, or no storage: private windows). */
export async function loadVerdict(key: string, now = Date.now()): Promise<Verdict | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const v = (await withStore('readonly', (s) => s.get(key))) as Verdict | undefined;
    return v && now - v.at < VERDICT_MAX_AGE_MS ? v : null;
  } catch {
    return null;
  }
}

export async function saveVerdict(key: string, v: Verdict): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await withStore('readwrite', (s) => s.put(v, key));
  } catch {
    // Not remembering only costs the next visit a probe.
  }
}

/** Forgets every verdict (the Backend panel's re-probe, tests). */
export async function clearVerdicts(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await withStore('readwrite', (s) => s.clear());
  } catch {
    // nothing remembered
  }
}
