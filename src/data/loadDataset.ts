import { getCached, putCached } from './cache';
import { DatasetError, fetchVerified } from './fetchFile';
import { validateManifest, type DatasetEntry, type DatasetManifest, type FileEntry } from './manifest';

export interface LoadedSplit { images: Uint8Array; labels: Uint8Array; count: number }
export interface LoadedDataset {
  id: string;
  name: string;
  shape: [number, number, number];
  classes: string[];
  attribution: string;
  license: string;
  train: LoadedSplit;
  test: LoadedSplit;
  /** True when no data file had to be downloaded. */
  fromCache: boolean;
}
/** `done`/`total` are bytes summed over all files still to download, so one bar fills once. */
export interface LoadProgress { label: string; done: number; total: number }
export interface LoadOptions {
  /** Absolute, or relative to the worker's own URL; data file paths resolve against it. */
  manifestUrl: string;
  onProgress?: (p: LoadProgress) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Loads one dataset: the manifest always (it is small and says which bytes are current), then
 * each data file from the IndexedDB cache by sha256, downloading and caching only on a miss.
 */
export async function loadDataset(id: string, opts: LoadOptions): Promise<LoadedDataset> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const onProgress = opts.onProgress ?? (() => {});
  const manifestUrl = resolve(opts.manifestUrl);
  const manifest = await fetchManifest(manifestUrl, fetchImpl);
  const ds = manifest.datasets.find((d) => d.id === id);
  if (!ds) {
    const have = manifest.datasets.map((d) => d.id).join(', ') || 'none';
    throw new DatasetError('manifest', `The dataset "${id}" is not in ${manifestUrl} (it has: ${have})`);
  }

  const jobs = (['train', 'test'] as const).flatMap((split) =>
    (['images', 'labels'] as const).map((kind) => ({ split, kind, entry: ds.splits[split][kind], bytes: null as Uint8Array | null })));
  for (const job of jobs) {
    const hit = await getCached(job.entry.sha256);
    if (hit.status === 'hit') job.bytes = hit.bytes;
  }
  const misses = jobs.filter((j) => !j.bytes);
  const total = misses.reduce((n, j) => n + j.entry.bytes, 0);
  let before = 0;
  for (const job of misses) {
    const label = `Downloading ${ds.name} ${job.split} ${job.kind}`;
    const url = new URL(job.entry.file, manifestUrl).href;
    const progress = (done: number, of: number) =>
      onProgress({ label, done: before + Math.round((job.entry.bytes * done) / of), total });
    job.bytes = await fetchVerified(url, job.entry, progress, fetchImpl);
    before += job.entry.bytes;
    // A failed put (quota, no IndexedDB) only costs a download next time.
    await putCached(job.entry.sha256, job.bytes, job.entry.file);
  }
  if (misses.length) onProgress({ label: `Downloaded ${ds.name}`, done: total, total });

  const get = (split: 'train' | 'test', kind: 'images' | 'labels') => jobs.find((j) => j.split === split && j.kind === kind)!.bytes!;
  const result: LoadedDataset = {
    id: ds.id,
    name: ds.name,
    shape: [...ds.shape],
    classes: [...ds.classes],
    attribution: ds.attribution,
    license: ds.license,
    train: { images: get('train', 'images'), labels: get('train', 'labels'), count: ds.splits.train.count },
    test: { images: get('test', 'images'), labels: get('test', 'labels'), count: ds.splits.test.count },
    fromCache: misses.length === 0,
  };
  checkLabels(ds, result);
  return result;
}

function resolve(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    throw new DatasetError('manifest', `The manifest URL "${url}" is not a valid URL`);
  }
}

async function fetchManifest(url: string, fetchImpl: typeof fetch): Promise<DatasetManifest> {
  const source = url.slice(url.lastIndexOf('/') + 1) || url;
  let res: Response;
  try {
    // no-cache: revalidate, so a redeployed site never pairs an old manifest with new files.
    res = await fetchImpl(url, { cache: 'no-cache' });
  } catch (e) {
    throw new DatasetError('network', `Could not download ${source}: ${(e as Error).message ?? e}. Check the connection and try again.`);
  }
  if (!res.ok) throw new DatasetError('http', `Could not download ${source}: the server answered HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new DatasetError('manifest', `${source} is not valid JSON`);
  }
  const check = validateManifest(json, source);
  if (!check.ok) throw new DatasetError('manifest', check.errors.join('\n'));
  return check.manifest;
}

// The hashes prove the bytes are the ones packed; this catches a manifest whose class list
// does not fit its labels, which would otherwise surface as a confusing error deep in training.
function checkLabels(ds: DatasetEntry, data: LoadedDataset): void {
  for (const split of ['train', 'test'] as const) {
    const labels = data[split].labels;
    const bad = labels.findIndex((l) => l >= ds.classes.length);
    if (bad >= 0) {
      const f: FileEntry = ds.splits[split].labels;
      throw new DatasetError('manifest', `${f.file}: label ${labels[bad]} at index ${bad} has no class name (${ds.classes.length} classes)`);
    }
  }
}
