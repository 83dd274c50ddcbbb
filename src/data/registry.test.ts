import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteCached, listCached, putCached } from './cache';
import { DatasetError } from './fetchFile';
import { loadDataset } from './loadDataset';
import type { DatasetEntry } from './manifest';
import { clearDatasets, deleteDataset, deleteUnreferenced, fileKeys, getRecord, listRecords, MODEL_PREFIX, saveDataset, summarize, type DatasetRecord } from './registry';
import { isQuotaError } from './storage';

const key = (c: string) => c.repeat(64);
const f = (c: string, n: number) => ({ file: `x/${c}`, bytes: n, rawBytes: n, sha256: key(c) });
function record(id: string, keys: [string, string, string, string]): DatasetRecord {
  const entry: DatasetEntry = {
    id, name: id.toUpperCase(), shape: [1, 1, 1], classes: ['a'], license: 'CC0', attribution: 'test', source: 'test',
    splits: { train: { count: 2, images: f(keys[0], 2), labels: f(keys[1], 2) }, test: { count: 1, images: f(keys[2], 1), labels: f(keys[3], 1) } },
  };
  return { id, origin: 'upload', entry, classCounts: { train: [2], test: [1] }, preview: null, storedAt: 1 };
}
const file = (c: string, n: number) => ({ sha256: key(c), bytes: new Uint8Array(n), name: c });

beforeEach(() => clearDatasets());

describe('dataset registry', () => {
  it('saves files and record together, and lists sizes per dataset', async () => {
    expect(await saveDataset(record('one', ['a', 'b', 'c', 'd']), [file('a', 2), file('b', 2), file('c', 1), file('d', 1)])).toBe('stored');
    expect(await saveDataset(record('two', ['e', 'b', 'f', 'd']), [file('e', 20), file('b', 2), file('f', 10), file('d', 1)])).toBe('stored');
    await putCached(key('z'), new Uint8Array(7), 'left over');
    await putCached(key('m'), new Uint8Array(5), `${MODEL_PREFIX}seed001-a.vae.json`);
    const s = await summarize();
    expect(s.datasets.map((d) => [d.record.id, d.bytes, d.missing])).toEqual([['one', 6, 0], ['two', 33, 0]]);
    // A trained starting point is kept on purpose: not a leftover to remove.
    expect(s.unused).toEqual({ count: 1, bytes: 7, keys: [key('z')] });
    expect(s.models).toEqual({ count: 1, bytes: 5 });
    expect(s.totalBytes).toBe(2 + 2 + 1 + 1 + 20 + 10 + 7 + 5);
  });

  it('deletes a dataset with the files only it used, keeping shared ones', async () => {
    await saveDataset(record('one', ['a', 'b', 'c', 'd']), [file('a', 2), file('b', 2), file('c', 1), file('d', 1)]);
    await saveDataset(record('two', ['e', 'b', 'f', 'd']), [file('e', 2), file('f', 1)]);
    await deleteDataset('one');
    expect(await getRecord('one')).toBeNull();
    expect((await listCached()).map((c) => c.key[0]).sort()).toEqual(['b', 'd', 'e', 'f']);
    await deleteDataset('two');
    expect(await listCached()).toEqual([]);
    expect(await listRecords()).toEqual([]);
  });

  it('stores nothing when the transaction fails midway', async () => {
    const bad = { sha256: key('y'), bytes: (() => undefined) as unknown as Uint8Array, name: 'not cloneable' };
    expect(await saveDataset(record('one', ['a', 'b', 'c', 'y']), [file('a', 2), bad])).toBe('failed');
    expect(await listCached()).toEqual([]);
    expect(await listRecords()).toEqual([]);
  });

  it('removes leftover files unless a dataset uses them', async () => {
    await saveDataset(record('one', ['a', 'b', 'c', 'd']), [file('a', 2)]);
    await putCached(key('z'), new Uint8Array(1), 'z');
    await deleteUnreferenced([key('a'), key('z')]);
    expect((await listCached()).map((c) => c.key[0])).toEqual(['a']);
  });

  it('says clearly when an upload’s files are gone', async () => {
    const r = record('upload-x-1234', ['a', 'b', 'c', 'd']);
    await saveDataset(r, [file('a', 2), file('b', 2), file('c', 1), file('d', 1)]);
    await deleteCached(fileKeys(r.entry)[0]);
    const e = await loadDataset('upload-x-1234', { manifestUrl: 'https://x.test/m.json' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DatasetError);
    expect((e as DatasetError).code).toBe('missing');
    expect((e as DatasetError).message).toBe('“UPLOAD-X-1234” is no longer stored in this browser (its storage may have been cleared to free space). Import the images again under “Your own images”.');
  });

  it('recognises quota errors by name', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'DataCloneError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
