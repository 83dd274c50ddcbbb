/**
 * IndexedDB cache of verified dataset files, keyed by the sha256 of their decompressed bytes,
 * so a changed file can never be served from a stale entry. Works in a worker and under
 * fake-indexeddb. Without IndexedDB (private mode, blocked storage) every call degrades to
 * "no cache" instead of failing: the app still works, it just downloads each time.
 */
import { sha256Hex } from './fetchFile';

export const DB_NAME = 'vae-playground';
export const STORE = 'datasets';

export interface CachedFile { sha256: string; bytes: Uint8Array<ArrayBuffer>; name: string; storedAt: number }
export interface CacheListing { key: string; name: string; size: number }
/** 'corrupt': an entry was there but its bytes no longer hash to its key; it has been deleted. */
export type CacheLookup = { status: 'hit'; bytes: Uint8Array<ArrayBuffer> } | { status: 'miss' | 'corrupt' | 'unavailable' };

let dbPromise: Promise<IDBDatabase | null> | null = null;

export async function cacheAvailable(): Promise<boolean> {
  return (await db()) !== null;
}

export async function getCached(sha256: string): Promise<CacheLookup> {
  const d = await db();
  if (!d) return { status: 'unavailable' };
  let value: unknown;
  try {
    value = await run(d, 'readonly', (s) => s.get(sha256));
  } catch {
    return { status: 'unavailable' };
  }
  if (value === undefined) return { status: 'miss' };
  const bytes = (value as Partial<CachedFile>).bytes;
  if (bytes instanceof Uint8Array && (await sha256Hex(bytes)) === sha256) return { status: 'hit', bytes };
  await deleteCached(sha256);
  return { status: 'corrupt' };
}

/** Stores in one transaction, resolving once committed; false when it could not (no IDB, quota). */
export async function putCached(sha256: string, bytes: Uint8Array, name: string): Promise<boolean> {
  const d = await db();
  if (!d) return false;
  // Structured clone stores a view's whole buffer; copy a sub-view so we store only its bytes.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const value = { sha256, bytes: own, name, storedAt: Date.now() };
  try {
    await run(d, 'readwrite', (s) => s.put(value));
    return true;
  } catch {
    return false;
  }
}

export async function deleteCached(sha256: string): Promise<void> {
  const d = await db();
  if (d) await run(d, 'readwrite', (s) => s.delete(sha256)).catch(() => undefined);
}

export async function listCached(): Promise<CacheListing[]> {
  const d = await db();
  if (!d) return [];
  const out: CacheListing[] = [];
  await new Promise<void>((resolve, reject) => {
    const t = d.transaction(STORE, 'readonly');
    const req = t.objectStore(STORE).openCursor();
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return;
      const v = c.value as Partial<CachedFile>;
      out.push({ key: String(c.key), name: String(v.name ?? ''), size: v.bytes?.byteLength ?? 0 });
      c.continue();
    };
    t.oncomplete = () => resolve();
    t.onerror = t.onabort = () => reject(t.error);
  });
  return out;
}

export async function clearCache(): Promise<void> {
  const d = await db();
  if (d) await run(d, 'readwrite', (s) => s.clear());
}

/** Resolves with the request's result only after the transaction commits. */
function run<T>(d: IDBDatabase, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const req = op(t.objectStore(STORE));
    t.oncomplete = () => resolve(req.result);
    t.onerror = t.onabort = () => reject(t.error ?? req.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function db(): Promise<IDBDatabase | null> {
  dbPromise ??= connect().catch(() => null);
  return dbPromise;
}

// The database is shared with other stores of the app, so open it at whatever version it has
// and add our store with a version bump only if it is missing.
async function connect(): Promise<IDBDatabase | null> {
  const factory: IDBFactory | undefined = globalThis.indexedDB;
  if (!factory) return null;
  let d = await open(factory);
  if (!d.objectStoreNames.contains(STORE)) {
    const next = d.version + 1;
    d.close();
    d = await open(factory, next);
  }
  const conn = d;
  // Let another tab (or a newer app version) upgrade: close, and reconnect on next use.
  conn.onversionchange = () => {
    conn.close();
    dbPromise = null;
  };
  conn.onclose = () => {
    dbPromise = null;
  };
  return conn;
}

function open(factory: IDBFactory, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? factory.open(DB_NAME) : factory.open(DB_NAME, version);
    let settled = false;
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'sha256' });
    };
    req.onsuccess = () => {
      if (settled) req.result.close(); // we already gave up on it (blocked); don't hold it open
      else resolve(req.result);
      settled = true;
    };
    req.onerror = () => {
      settled = true;
      reject(req.error);
    };
    req.onblocked = () => {
      settled = true;
      reject(new Error('IndexedDB upgrade blocked by another open tab'));
    };
  });
}
