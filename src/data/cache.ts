/**
 * IndexedDB cache of verified dataset files, keyed by the sha256 of their decompressed bytes,
 * so a changed file can never be served from a stale entry. Which dataset uses which file is
 * kept in registry.ts. Without IndexedDB every call degrades to "no cache" instead of failing:
 * the app still works, it just downloads each time.
 */
import { db, run, STORE } from './idb';
import { sha256Hex } from './fetchFile';
import { isQuotaError } from './storage';

export { DB_NAME, STORE } from './idb';

export interface CachedFile { sha256: string; bytes: Uint8Array<ArrayBuffer>; name: string; storedAt: number }
export interface CacheListing { key: string; name: string; size: number }
/** 'corrupt': an entry was there but its bytes no longer hash to its key; it has been deleted. */
export type CacheLookup = { status: 'hit'; bytes: Uint8Array<ArrayBuffer> } | { status: 'miss' | 'corrupt' | 'unavailable' };
/** 'quota': the browser refused for lack of space; 'unavailable': no IndexedDB at all. */
export type PutOutcome = 'stored' | 'quota' | 'unavailable' | 'failed';

export async function cacheAvailable(): Promise<boolean> {
  return (await db()) !== null;
}

export async function getCached(sha256: string): Promise<CacheLookup> {
  const d = await db();
  if (!d) return { status: 'unavailable' };
  let value: unknown;
  try {
    value = await run(d, STORE, 'readonly', (t) => t.objectStore(STORE).get(sha256));
  } catch {
    return { status: 'unavailable' };
  }
  if (value === undefined) return { status: 'miss' };
  const bytes = (value as Partial<CachedFile>).bytes;
  if (bytes instanceof Uint8Array && (await sha256Hex(bytes)) === sha256) return { status: 'hit', bytes };
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

/** The value to store: structured clone keeps a view's whole buffer, so a sub-view is copied. */
export function fileValue(sha256: string, bytes: Uint8Array, name: string): CachedFile {
  const own = (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()) as Uint8Array<ArrayBuffer>;
  return { sha256, bytes: own, name, storedAt: Date.now() };
}

/** Stores in one transaction, resolving once committed. */
export async function putFile(sha256: string, bytes: Uint8Array, name: string): Promise<PutOutcome> {
  const d = await db();
  if (!d) return 'unavailable';
  try {
    await run(d, STORE, 'readwrite', (t) => t.objectStore(STORE).put(fileValue(sha256, bytes, name)));
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
      out.push({ key: String(c.key), name: String(v.name ?? ''), size: v.bytes?.byteLength ?? 0 });
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
