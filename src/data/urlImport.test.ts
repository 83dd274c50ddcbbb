/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are altered as untyped JSON */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listCached } from './cache';
import { DatasetError } from './fetchFile';
import { loadDataset } from './loadDataset';
import { clearDatasets, listRecords } from './registry';
import { TOY, TOY_MANIFEST, toySite } from './testing/toySite';
import { fetchRemoteManifest, importFromUrl } from './urlImport';

async function failure(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}
const snapshot = async () => ({ files: (await listCached()).map((f) => f.key).sort(), records: (await listRecords()).map((r) => r.id) });

beforeEach(() => clearDatasets());

describe('dataset from a URL', () => {
  it('downloads, verifies and lists a remote dataset; the trainer then loads it from the cache', async () => {
    const site = toySite();
    const remote = await fetchRemoteManifest(TOY_MANIFEST, site.fetchImpl);
    const progress: number[] = [];
    const { record, warning } = await importFromUrl(remote, 'toy', { fetchImpl: site.fetchImpl, onProgress: (p) => progress.push(p.done / p.total) });
    expect(warning).toBeUndefined();
    expect(record).toMatchObject({ origin: 'url', manifestUrl: TOY_MANIFEST, classCounts: { train: [3, 3], test: [1, 2] } });
    expect(record.id).toMatch(/^url-toy-[0-9a-f]{6}$/);
    expect(record.preview?.labels).toEqual([0, 1, 1]);
    expect(progress.at(-1)).toBe(1);

    const offline = toySite();
    const d = await loadDataset(record.id, { manifestUrl: 'https://elsewhere.test/manifest.json', fetchImpl: offline.fetchImpl });
    expect(offline.calls).toEqual([]);
    expect(d).toMatchObject({ name: 'Toy colours', shape: [4, 4, 3], origin: 'url', fromCache: true });
    expect(Array.from(d.train.images)).toEqual(Array.from(TOY.train.images));
  });

  it('rejects a wrong sha256 and leaves the cache exactly as it was', async () => {
    await importFromUrl(await fetchRemoteManifest(TOY_MANIFEST, toySite().fetchImpl), 'toy', { fetchImpl: toySite().fetchImpl });
    const before = await snapshot();
    // Another dataset whose last file's hash is wrong: its first three files are downloaded first.
    const bad = toySite((m) => {
      const d = structuredClone(m.datasets[0]) as any;
      d.id = 'toy2';
      d.splits.train.images.file = 'toy/test-images.u8gz';
      d.splits.train.images.rawBytes = 144;
      d.splits.train.count = 3;
      d.splits.train.labels = d.splits.test.labels;
      d.splits.test.labels = { ...d.splits.test.labels, sha256: 'e'.repeat(64) };
      m.datasets.push(d);
    });
    const e = await failure(importFromUrl(await fetchRemoteManifest(TOY_MANIFEST, bad.fetchImpl), 'toy2', { fetchImpl: bad.fetchImpl }));
    expect(e.code).toBe('hash-mismatch');
    expect(e.message).toMatch(/toy\/test-labels\.u8gz is damaged or from another version: sha256/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects malformed manifests and bad addresses with a clear message, storing nothing', async () => {
    const broken = toySite((m) => delete (m.datasets[0] as any).splits.test);
    const e = await failure(fetchRemoteManifest(TOY_MANIFEST, broken.fetchImpl));
    expect(e.message).toMatch(/^manifest\.json: datasets\[0\]\.splits\.test must be an object/);
    expect((await failure(fetchRemoteManifest('ftp://x.test/manifest.json'))).message).toMatch(/must start with https:\/\/ or http:\/\//);
    expect((await failure(fetchRemoteManifest('  '))).message).toBe('Enter the address of a manifest.json.');
    expect(await snapshot()).toEqual({ files: [], records: [] });
  });

  it('resumes after a dropped connection: files already verified are not downloaded again', async () => {
    const site = toySite();
    const remote = await fetchRemoteManifest(TOY_MANIFEST, site.fetchImpl);
    site.dropNext('test-images.u8gz');
    const e = await failure(importFromUrl(remote, 'toy', { fetchImpl: site.fetchImpl }));
    expect(e.code).toBe('network');
    expect(await listRecords()).toEqual([]);
    expect((await listCached()).length).toBe(2);
    site.calls.length = 0;
    await importFromUrl(remote, 'toy', { fetchImpl: site.fetchImpl });
    expect(site.calls.map((u) => u.slice(u.lastIndexOf('/') + 1))).toEqual(['test-images.u8gz', 'test-labels.u8gz']);
    expect((await listRecords()).map((r) => r.origin)).toEqual(['url']);
  });
});
