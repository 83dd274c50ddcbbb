import { cacheAvailable } from './cache';
import { DatasetError, rawText } from './fetchFile';
import { loadEntry, classCountsOf, type EntryLoad, type LoadedSplit, type LoadProgress } from './loadEntry';
import { validateManifest, type DatasetEntry, type DatasetManifest } from './manifest';
import { fileKeys, getRecord, saveDataset, type DatasetOrigin } from './registry';
import { plainMessage } from '../plainError';

export type { LoadedSplit, LoadProgress } from './loadEntry';

export interface LoadedDataset {
  id: string;
  name: string;
  shape: [number, number, number];
  classes: string[];
  attribution: string;
  license: string;
  origin: DatasetOrigin;
  train: LoadedSplit;
  test: LoadedSplit;
  /** True when no data file had to be downloaded. */
  fromCache: boolean;
  /** Downloaded files this browser could not keep because its storage is full. */
  quotaExceeded: boolean;
  /** Files whose cached copy was damaged (hash mismatch): detected on read and downloaded again. */
  repaired: string[];
}
export interface LoadOptions {
  /** Absolute, or relative to the worker's own URL; data file paths resolve against it. */
  manifestUrl: string;
  onProgress?: (p: LoadProgress) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Loads one dataset by its config id. A dataset imported into this browser (uploaded images, or
 * from another site's manifest) comes from its record; a built-in one from the site's manifest,
 * fetched every time (it is small and says which bytes are current), with each data file from
 * the IndexedDB cache by sha256, downloaded and cached only on a miss.
 */
export async function loadDataset(id: string, opts: LoadOptions): Promise<LoadedDataset> {
  const record = await getRecord(id);
  if (record && record.origin !== 'builtin') {
    const data = await loadEntry(record.entry, {
      baseUrl: record.manifestUrl,
      onProgress: opts.onProgress,
      fetchImpl: opts.fetchImpl,
      missingHint: 'Import the images again under “Your own images”.',
    });
    return result(id, record.origin, record.entry, data);
  }
  const manifestUrl = resolveUrl(opts.manifestUrl);
  const manifest = await fetchManifest(manifestUrl, opts.fetchImpl ?? fetch);
  const ds = manifest.datasets.find((d) => d.id === id);
  if (!ds) {
    const have = manifest.datasets.map((d) => d.id).join(', ') || 'none';
    throw new DatasetError('manifest', `The dataset "${id}" is not in ${manifestUrl} (it has: ${have}), nor imported into this browser`);
  }
  const data = await loadEntry(ds, { baseUrl: manifestUrl, onProgress: opts.onProgress, fetchImpl: opts.fetchImpl });
  // Recorded so the cache manager can list it; the picker takes its preview from the manifest.
  const known = record && fileKeys(record.entry).join() === fileKeys(ds).join();
  if (!known && data.notCached === 0 && (await cacheAvailable())) {
    await saveDataset({ id, origin: 'builtin', entry: ds, manifestUrl, classCounts: classCountsOf(data, ds.classes.length), preview: null, storedAt: Date.now() });
  }
  return result(id, 'builtin', ds, data);
}

function result(id: string, origin: DatasetOrigin, ds: DatasetEntry, data: EntryLoad): LoadedDataset {
  return {
    id,
    name: ds.name,
    shape: [...ds.shape],
    classes: [...ds.classes],
    attribution: ds.attribution,
    license: ds.license,
    origin,
    train: data.train,
    test: data.test,
    fromCache: data.fromCache,
    quotaExceeded: data.quotaExceeded,
    repaired: data.repaired,
  };
}

export function resolveUrl(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    throw new DatasetError('manifest', `The manifest URL "${url}" is not a valid URL`);
  }
}

export async function fetchManifest(url: string, fetchImpl: typeof fetch = fetch): Promise<DatasetManifest> {
  const source = url.slice(url.lastIndexOf('/') + 1) || url;
  let res: Response;
  try {
    // no-cache: revalidate, so a redeployed site never pairs an old manifest with new files.
    res = await fetchImpl(url, { cache: 'no-cache' });
  } catch (e) {
    throw new DatasetError('network', plainMessage(`Could not download ${source}: ${rawText(e)}. Check the connection and try again.`));
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
