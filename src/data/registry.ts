/**
 * The datasets kept in this browser: one record per dataset id (its manifest entry, where its
 * files come from, a small preview), beside the files themselves (cache.ts, keyed by sha256).
 * A file may belong to several datasets (MNIST and its binarized copy share labels), so deleting
 * a dataset deletes only the files no other record uses, in the same transaction.
 */
import { fileValue, listCached, type PutOutcome } from './cache';
import { db, getAll, INDEX_STORE, run, STORE } from './idb';
import type { ClassCounts, DatasetEntry } from './manifest';
import { isQuotaError } from './storage';

export type DatasetOrigin = 'builtin' | 'url' | 'upload';
export interface PreviewData { images: Uint8Array; labels: number[] }
export interface DatasetRecord {
  /** The id the experiment config names; for a URL dataset not the same as entry.id. */
  id: string;
  origin: DatasetOrigin;
  entry: DatasetEntry;
  /** Where entry's file paths resolve (built-in and URL datasets); uploads have no source. */
  manifestUrl?: string;
  classCounts: ClassCounts;
  preview: PreviewData | null;
  storedAt: number;
}
export interface NewFile { sha256: string; bytes: Uint8Array; name: string }

/** The sha256 keys of a dataset's four files. */
export function fileKeys(entry: DatasetEntry): string[] {
  const s = entry.splits;
  return [s.train.images.sha256, s.train.labels.sha256, s.test.images.sha256, s.test.labels.sha256];
}

/** Its files and its preview file (which the page caches by itself, named with PREVIEW_PREFIX). */
const ownedKeys = (entry: DatasetEntry) => [...fileKeys(entry), ...(entry.preview ? [entry.preview.sha256] : [])];
export const PREVIEW_PREFIX = 'preview:';
/** The cache's name prefix for a shipped trained model (data/startingPoints.ts): not a leftover. */
export const MODEL_PREFIX = 'model:';

export async function getRecord(id: string): Promise<DatasetRecord | null> {
  const d = await db();
  if (!d) return null;
  const v = await run(d, INDEX_STORE, 'readonly', (t) => t.objectStore(INDEX_STORE).get(id)).catch(() => undefined);
  return (v as DatasetRecord | undefined) ?? null;
}

export async function listRecords(): Promise<DatasetRecord[]> {
  const d = await db();
  if (!d) return [];
  const all = await getAll<DatasetRecord>(d, INDEX_STORE).catch(() => []);
  return all.sort((a, b) => a.storedAt - b.storedAt);
}

/**
 * Writes files and the record in one transaction: either the whole dataset is stored or nothing
 * is (a quota error midway leaves no half dataset behind).
 */
export async function saveDataset(record: DatasetRecord, files: NewFile[] = []): Promise<PutOutcome> {
  const d = await db();
  if (!d) return 'unavailable';
  try {
    await run(d, [STORE, INDEX_STORE], 'readwrite', (t) => {
      for (const f of files) t.objectStore(STORE).put(fileValue(f.sha256, f.bytes, f.name));
      t.objectStore(INDEX_STORE).put(record);
    });
    return 'stored';
  } catch (e) {
    return isQuotaError(e) ? 'quota' : 'failed';
  }
}

/** Deletes a dataset's record and every file of it no other dataset uses. */
export async function deleteDataset(id: string): Promise<void> {
  const d = await db();
  if (!d) return;
  await run(d, [STORE, INDEX_STORE], 'readwrite', (t) => {
    const index = t.objectStore(INDEX_STORE);
    const req = index.getAll();
    req.onsuccess = () => {
      const records = req.result as DatasetRecord[];
      const target = records.find((r) => r.id === id);
      if (!target) return;
      const keep = new Set(records.filter((r) => r.id !== id).flatMap((r) => ownedKeys(r.entry)));
      for (const key of ownedKeys(target.entry)) if (!keep.has(key)) t.objectStore(STORE).delete(key);
      index.delete(id);
    };
  });
}

/** Deletes the given files unless a dataset record uses them (a failed import's leftovers). */
export async function deleteUnreferenced(keys: string[]): Promise<void> {
  const d = await db();
  if (!d || keys.length === 0) return;
  await run(d, [STORE, INDEX_STORE], 'readwrite', (t) => {
    const req = t.objectStore(INDEX_STORE).getAll();
    req.onsuccess = () => {
      const used = new Set((req.result as DatasetRecord[]).flatMap((r) => ownedKeys(r.entry)));
      for (const key of keys) if (!used.has(key)) t.objectStore(STORE).delete(key);
    };
  }).catch(() => undefined);
}

/** Every dataset record and file. Other stores of the app (checkpoints, runs) are left alone. */
export async function clearDatasets(): Promise<void> {
  const d = await db();
  if (!d) return;
  await run(d, [STORE, INDEX_STORE], 'readwrite', (t) => {
    t.objectStore(STORE).clear();
    t.objectStore(INDEX_STORE).clear();
  });
}

export interface CacheSummary {
  datasets: { record: DatasetRecord; bytes: number; missing: number }[];
  /** Files no record uses: an interrupted download kept for resuming, or an old version. */
  unused: { count: number; bytes: number; keys: string[] };
  /** Example images the picker keeps for datasets not downloaded yet. */
  previews: { count: number; bytes: number };
  /** Trained starting points opened before (data/startingPoints.ts), kept to open again offline. */
  models: { count: number; bytes: number };
  totalBytes: number;
}

/** What the cache manager shows: each dataset with the size of its stored files. */
export async function summarize(): Promise<CacheSummary> {
  const [records, files] = await Promise.all([listRecords(), listCached()]);
  const size = new Map(files.map((f) => [f.key, f.size]));
  const used = new Set<string>();
  const datasets = records.map((record) => {
    const keys = [...new Set(fileKeys(record.entry))];
    ownedKeys(record.entry).forEach((k) => used.add(k));
    return { record, bytes: keys.reduce((n, k) => n + (size.get(k) ?? 0), 0), missing: keys.filter((k) => !size.has(k)).length };
  });
  const free = files.filter((f) => !used.has(f.key));
  const previews = free.filter((f) => f.name.startsWith(PREVIEW_PREFIX));
  const models = free.filter((f) => f.name.startsWith(MODEL_PREFIX));
  const unused = free.filter((f) => !f.name.startsWith(PREVIEW_PREFIX) && !f.name.startsWith(MODEL_PREFIX));
  const sum = (fs: { size: number }[]) => fs.reduce((n, f) => n + f.size, 0);
  return {
    datasets,
    unused: { count: unused.length, bytes: sum(unused), keys: unused.map((f) => f.key) },
    previews: { count: previews.length, bytes: sum(previews) },
    models: { count: models.length, bytes: sum(models) },
    totalBytes: sum(files),
  };
}
