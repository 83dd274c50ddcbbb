import { DatasetError, sha256Hex } from './fetchFile';
import { fetchManifest, resolveUrl } from './loadDataset';
import { classCountsOf, loadEntry, makePreview, type LoadProgress } from './loadEntry';
import type { DatasetEntry, DatasetManifest } from './manifest';
import { deleteUnreferenced, fileKeys, getRecord, saveDataset, type DatasetRecord } from './registry';
import { QUOTA_HINT } from './storage';

export interface RemoteManifest { url: string; manifest: DatasetManifest }

/** Fetches and validates another site's manifest.json; errors are DatasetErrors with the reason. */
export async function fetchRemoteManifest(input: string, fetchImpl?: typeof fetch): Promise<RemoteManifest> {
  const text = input.trim();
  if (!text) throw new DatasetError('manifest', 'Enter the address of a manifest.json.');
  const url = resolveUrl(text);
  const { protocol, origin } = new URL(url);
  if (!/^https?:$/.test(protocol)) throw new DatasetError('manifest', `The manifest URL must start with https:// or http:// (got "${text}")`);
  // The page's policy (connect-src 'self' https:) would block it anyway, with a bare "Failed to fetch".
  if (protocol === 'http:' && origin !== globalThis.location?.origin) {
    throw new DatasetError('manifest', `The manifest URL must use https:// (or be on this site, ${globalThis.location?.origin ?? 'its own origin'}): this page may not download over plain http:// from another site. Try the same address with https://.`);
  }
  return { url, manifest: await fetchManifest(url, fetchImpl) };
}

/** The config id of a dataset from a remote manifest: its own id plus a tag of where it came from. */
export async function urlDatasetId(manifestUrl: string, entryId: string): Promise<string> {
  const tag = (await sha256Hex(new TextEncoder().encode(manifestUrl))).slice(0, 6);
  return `url-${entryId.slice(0, 50)}-${tag}`;
}

export interface UrlImportResult {
  record: DatasetRecord;
  /** Set when the data is usable now but could not be kept (storage full): the trainer downloads it again. */
  warning?: string;
}

/**
 * Downloads one dataset of a remote manifest into this browser: each file is verified against
 * the manifest's sha256 and cached as it arrives (a broken connection resumes on retry); a bad
 * file undoes this import's cached files, and the dataset is listed only once all are in.
 */
export async function importFromUrl(
  remote: RemoteManifest,
  entryId: string,
  opts: { onProgress?: (p: LoadProgress) => void; fetchImpl?: typeof fetch } = {},
): Promise<UrlImportResult> {
  const ds: DatasetEntry | undefined = remote.manifest.datasets.find((d) => d.id === entryId);
  if (!ds) throw new DatasetError('manifest', `The dataset "${entryId}" is not in ${remote.url}`);
  const id = await urlDatasetId(remote.url, ds.id);
  const data = await loadEntry(ds, { baseUrl: remote.url, onProgress: opts.onProgress, fetchImpl: opts.fetchImpl });
  const [, , c] = ds.shape;
  const pixels = ds.shape[0] * ds.shape[1] * c;
  const record: DatasetRecord = {
    id,
    origin: 'url',
    entry: ds,
    manifestUrl: remote.url,
    classCounts: ds.classCounts ?? classCountsOf(data, ds.classes.length),
    preview: makePreview(data.test, pixels, ds.classes.length),
    storedAt: (await getRecord(id))?.storedAt ?? Date.now(),
  };
  const outcome = await saveDataset(record);
  if (outcome !== 'stored') {
    await deleteUnreferenced(fileKeys(ds));
    if (outcome === 'quota') throw new DatasetError('storage', `${ds.name} was downloaded but cannot be kept. ${QUOTA_HINT}`);
    throw new DatasetError('storage', `${ds.name} was downloaded but this browser does not let the site keep data (a private window?).`);
  }
  const warning = data.notCached ? `${ds.name} is listed, but ${data.notCached} of its files could not be kept (${data.quotaExceeded ? 'storage is full' : 'storage refused'}); they download again when training starts.` : undefined;
  return { record, warning };
}
