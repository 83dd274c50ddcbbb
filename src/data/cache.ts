/**
 * IndexedDB cache of verified dataset files, keyed by the sha256 of their decompressed bytes,
 * so a changed file can never be served from a stale entry. Which dataset uses which file is
 * kept in registry.ts. Without IndexedDB every call degrades to "no cache" instead of failing:
 * the app still works, it just downloads each time.
 */
import { db, run, STORE } from './idb';
import { sha256Hex } from './fetchFile';
import { sealOf } from './seal';
import { isQuotaError } from './storage';

export { DB_NAME, STORE } from './idb';

/**
 * A stored file. Its bytes are a Blob: IndexedDB hands back a Blob without copying its contents
 * into the transaction, and reading it was 3–5× faster than a Uint8Array value (MNIST's 47 MB
 * training images: ~40 ms against 115–250 ms, Chromium 156). Entries written before this hold
 * `bytes` instead, and are read as they are. `seal`: seal.ts's checksum of the bytes, written with
 * bytes already verified against `sha256`, so a read checks the seal instead of re-hashing; entries
 * without one are checked by SHA-256 once, then sealed.
 */
export interface CachedFile { sha256: string; blob?: Blob; bytes?: Uint8Array<ArrayBuffer>; name: string; storedAt: number; seal?: string }
export interface CacheListing { key: string; name: string; size: number }
/** 'corrupt': an entry was there but its bytes no longer match its seal or key; it has been deleted. */
export type CacheLookup = { status: 'hit'; bytes: Uint8Array<ArrayBuffer> } | { status: 'miss' | 'corrupt' | 'unavailable' };
/** 'quota': the browser refused for lack of space; 'unavailable': no IndexedDB at all. */
export type PutOutcome = 'stored' | 'quota' | 'unavailable' | 'failed';

export async function cacheAvailable(): Promise<boolean> {
  return (await db()) !== null;
}

export async function getCached(sha256: string): Promise<CacheLookup> {
  return (await getCachedMany([sha256]))[0];
}

/** Several files read in one transaction (a warm start's four), each checked as getCached does. */
export async function getCachedMany(keys: string[]): Promise<CacheLookup[]> {
  const d = await db();
  if (!d) return keys.map(() => ({ status: 'unavailable' }));
  const values: unknown[] = [];
  try {
    await run(d, STORE, 'readonly', (t) => {
      const store = t.objectStore(STORE);
      keys.forEach((key, i) => {
        const req = store.get(key);
        req.onsuccess = () => (values[i] = req.result);
      });
    });
  } catch {
    return keys.map(() => ({ status: 'unavailable' }));
  }
  return Promise.all(keys.map((key, i) => check(key, values[i] as Partial<CachedFile> | undefined)));
}

async function bytesOf(value: Partial<CachedFile>): Promise<Uint8Array<ArrayBuffer> | null> {
  if (value.blob instanceof Blob) return new Uint8Array(await value.blob.arrayBuffer());
  return value.bytes instanceof Uint8Array ? value.bytes : null;
}

async function check(sha256: string, value: Partial<CachedFile> | undefined): Promise<CacheLookup> {
  if (value === undefined) return { status: 'miss' };
  const bytes = await bytesOf(value).catch(() => null);
  if (bytes) {
    if (value.seal !== undefined) {
      if (sealOf(bytes) === value.seal) return { status: 'hit', bytes };
    } else if ((await sha256Hex(bytes)) === sha256) {
      // Verified the slow way once; sealed for the next read (not awaited: it only saves time later).
      void putFile(sha256, bytes, String(value.name ?? ''), value.storedAt);
      return { status: 'hit', bytes };
    }
  }
  await deleteCached(sha256);
  return { status: 'corrupt' };
}

/** Whether a file is stored, without reading (or verifying) its bytes. */
export async function hasCached(sha256: string): Promise<boolean> {
  const d = await db();
  if (!d) return false;
  const n = await run(d, STORE, 'readonly', (t) => t.objectStore(STORE).count(sha256)).catch(() => 0);
  return n > 0;
}

/** The value to store, sealed: the caller vouches that `bytes` hash to `sha256` (every caller has just verified or computed it). */
export function fileValue(sha256: string, bytes: Uint8Array, name: string, storedAt = Date.now()): CachedFile {
  return { sha256, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name, storedAt, seal: sealOf(bytes) };
}

/** Stores verified bytes (see fileValue) in one transaction, resolving once committed. */
export async function putFile(sha256: string, bytes: Uint8Array, name: string, storedAt?: number): Promise<PutOutcome> {
  const d = await db();
  if (!d) return 'unavailable';
  try {
    await run(d, STORE, 'readwrite', (t) => t.objectStore(STORE).put(fileValue(sha256, bytes, name, storedAt)));
    return 'stored';
  } catch (e) {
    return isQuotaError(e) ? 'quota' : 'failed';
  }
}

/** putFile as a yes/no: false when it could not be stored (no IndexedDB, quota). */
export async function putCached(sha256: string, bytes: Uint8Array, name: string): Promise<boolean> {
  return (await putFile(sha256, bytes, name)) === 'stored';
}

export async function deleteCached(sha256: string): Promise<void> {
  const d = await db();
  if (d) await run(d, STORE, 'readwrite', (t) => t.objectStore(STORE).delete(sha256)).catch(() => undefined);
}

/** Keys, names and sizes of every stored file (a cursor, so no file's bytes are all held at once). */
export async function listCached(): Promise<CacheListing[]> {
  const d = await db();
  if (!d) return [];
  const out: CacheListing[] = [];
  await run(d, STORE, 'readonly', (t) => {
    const req = t.objectStore(STORE).openCursor();
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return;
      const v = c.value as Partial<CachedFile>;
      out.push({ key: String(c.key), name: String(v.name ?? ''), size: v.blob?.size ?? v.bytes?.byteLength ?? 0 });
      c.continue();
    };
  });
  return out;
}

/** Deletes every stored file (the dataset records stay; see registry.clearDatasets for both). */
export async function clearCache(): Promise<void> {
  const d = await db();
  if (d) await run(d, STORE, 'readwrite', (t) => t.objectStore(STORE).clear());
}
