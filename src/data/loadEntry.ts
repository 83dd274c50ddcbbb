import { unpackBits } from './bits';
import { getCachedMany, putFile } from './cache';
import { DatasetError, fetchVerified } from './fetchFile';
import type { ClassCounts, DatasetEntry, FileEntry } from './manifest';
import { deleteUnreferenced, type PreviewData } from './registry';

export interface LoadedSplit { images: Uint8Array; labels: Uint8Array; count: number }
/** `done`/`total` are bytes summed over all files still to download, so one bar fills once. */
export interface LoadProgress { label: string; done: number; total: number }
export interface EntryLoad {
  train: LoadedSplit;
  test: LoadedSplit;
  /** True when no data file had to be downloaded. */
  fromCache: boolean;
  /** Files downloaded but not kept (storage full or unavailable): the next load downloads again. */
  notCached: number;
  quotaExceeded: boolean;
  /** Files whose cached copy no longer matched its sha256 (damaged storage): dropped and downloaded again. */
  repaired: string[];
}
export interface EntryLoadOptions {
  /** Where the entry's file paths resolve; without one a missing file cannot be fetched. */
  baseUrl?: string;
  onProgress?: (p: LoadProgress) => void;
  fetchImpl?: typeof fetch;
  /** Why a file without a source is missing, for the message (e.g. "import the images again"). */
  missingHint?: string;
}

const SPLITS = ['train', 'test'] as const;
const KINDS = ['images', 'labels'] as const;

/**
 * Each of a dataset's four files from the IndexedDB cache by sha256, downloading, verifying and
 * caching only the misses. Each verified file is cached as soon as it arrives, so a download cut
 * off midway resumes where it stopped; a file that fails verification undoes what this load
 * cached, so a bad source leaves the cache as it found it.
 */
export async function loadEntry(ds: DatasetEntry, opts: EntryLoadOptions = {}): Promise<EntryLoad> {
  const onProgress = opts.onProgress ?? (() => {});
  const jobs = SPLITS.flatMap((split) => KINDS.map((kind) => ({ split, kind, entry: ds.splits[split][kind], bytes: null as Uint8Array | null })));
  const repaired: string[] = [];
  // One transaction for all four: a warm start reads them at once.
  const hits = await getCachedMany(jobs.map((j) => j.entry.sha256));
  jobs.forEach((job, i) => {
    const hit = hits[i];
    if (hit.status === 'hit') job.bytes = hit.bytes;
    else if (hit.status === 'corrupt') repaired.push(job.entry.file);
  });
  const misses = jobs.filter((j) => !j.bytes);
  if (misses.length && !opts.baseUrl) {
    throw new DatasetError('missing', `“${ds.name}” is no longer stored in this browser (its storage may have been cleared to free space). ${opts.missingHint ?? ''}`.trim());
  }
  const total = misses.reduce((n, j) => n + j.entry.bytes, 0);
  const added: string[] = [];
  let notCached = 0;
  let quotaExceeded = false;
  let before = 0;
  try {
    for (const job of misses) {
      const label = `Downloading ${ds.name} ${job.split} ${job.kind}`;
      const url = new URL(job.entry.file, opts.baseUrl).href;
      const progress = (done: number, of: number) => onProgress({ label, done: before + Math.round((job.entry.bytes * done) / of), total });
      job.bytes = await fetchVerified(url, job.entry, progress, opts.fetchImpl);
      before += job.entry.bytes;
      // A failed put (quota, no IndexedDB) only costs a download next time.
      const put = await putFile(job.entry.sha256, job.bytes, job.entry.file);
      if (put === 'stored') added.push(job.entry.sha256);
      else notCached++;
      quotaExceeded ||= put === 'quota';
    }
    if (misses.length) onProgress({ label: `Downloaded ${ds.name}`, done: total, total });
    const get = (split: 'train' | 'test', kind: 'images' | 'labels') => jobs.find((j) => j.split === split && j.kind === kind)!.bytes!;
    const split = (s: 'train' | 'test'): LoadedSplit => ({ images: decodeImages(ds, s, get(s, 'images')), labels: get(s, 'labels'), count: ds.splits[s].count });
    const out = { train: split('train'), test: split('test'), fromCache: misses.length === 0, notCached, quotaExceeded, repaired };
    checkLabels(ds, out);
    return out;
  } catch (e) {
    // Kept on a broken connection, so retrying resumes; anything else means the source is bad.
    if (!(e instanceof DatasetError && e.code === 'network')) await deleteUnreferenced(added);
    throw e;
  }
}

function decodeImages(ds: DatasetEntry, split: 'train' | 'test', bytes: Uint8Array): Uint8Array {
  if (ds.splits[split].images.encoding !== 'bits') return bytes;
  const [h, w, c] = ds.shape;
  return unpackBits(bytes, ds.splits[split].count * h * w * c);
}

// The hashes prove the bytes are the ones packed; this catches a manifest whose class list
// does not fit its labels, which would otherwise surface as a confusing error deep in training.
function checkLabels(ds: DatasetEntry, data: Pick<EntryLoad, 'train' | 'test'>): void {
  for (const split of SPLITS) {
    const labels = data[split].labels;
    const bad = labels.findIndex((l) => l >= ds.classes.length);
    if (bad >= 0) {
      const f: FileEntry = ds.splits[split].labels;
      throw new DatasetError('manifest', `${f.file}: label ${labels[bad]} at index ${bad} has no class name (${ds.classes.length} classes)`);
    }
  }
}

export function countClasses(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l]++;
  return counts;
}

export function classCountsOf(d: Pick<EntryLoad, 'train' | 'test'>, classes: number): ClassCounts {
  return { train: countClasses(d.train.labels, classes), test: countClasses(d.test.labels, classes) };
}

/**
 * A few examples of each class, class-major rows (all classes' first example, then their
 * second, …), from the given split: what the picker shows before training.
 */
export function makePreview(split: LoadedSplit, pixels: number, classes: number, max = 24): PreviewData {
  const perClass = Math.max(1, Math.min(4, Math.floor(max / classes)));
  const picked: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < split.count && picked.some((p) => p.length < perClass); i++) {
    const p = picked[split.labels[i]];
    if (p.length < perClass) p.push(i);
  }
  const order: number[] = [];
  for (let r = 0; r < perClass; r++) for (const p of picked) if (r < p.length && order.length < max) order.push(p[r]);
  const images = new Uint8Array(order.length * pixels);
  order.forEach((i, k) => images.set(split.images.subarray(i * pixels, (i + 1) * pixels), k * pixels));
  return { images, labels: order.map((i) => split.labels[i]) };
}
