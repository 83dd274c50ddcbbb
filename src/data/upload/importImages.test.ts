import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listCached } from '../cache';
import { loadDataset } from '../loadDataset';
import { validateManifest } from '../manifest';
import { clearDatasets, listRecords } from '../registry';
import { makeZip } from '../testing/makeZip';
import { importImages, type DecodeFn, type PickedFile } from './importImages';
import { labelsFromPaths } from './labels';
import { stratifiedSplit } from './split';

/** A PNG signature and IHDR (so type and size sniff as PNG), then a payload the fake decoder reads. */
function png(w: number, h: number, value: number, corrupt = false): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  b[30] = value;
  b[31] = corrupt ? 1 : 0;
  return b;
}
/** Fills every pixel with the payload value; throws for a payload marked corrupt, as a browser would. */
const decode: DecodeFn = async (bytes, _type, size, channels) => {
  if (bytes[31]) throw new Error('decode failed');
  return new Uint8Array(size * size * channels).fill(bytes[30]);
};
const file = (path: string, bytes: Uint8Array<ArrayBuffer> | string): PickedFile => ({ path, blob: new Blob([bytes]) });
const opts = { name: 'My animals', size: 28, channels: 3 as const, testFraction: 0.2 };
const deps = { decode, idSuffix: () => 'abcd' };

function folder(): PickedFile[] {
  const files: PickedFile[] = [];
  ['cats', 'dogs', 'owls'].forEach((cls, k) => {
    for (let i = 0; i < 10; i++) files.push(file(`animals/${cls}/${i}.png`, png(40, 30, 10 * k + 1)));
  });
  return files;
}

beforeEach(() => clearDatasets());

describe('importing images', () => {
  it('imports a folder of class sub-folders and lists every skipped file with its reason', async () => {
    const r = await importImages([
      ...folder(),
      file('animals/owls/broken.png', png(40, 30, 0, true)),
      file('animals/notes.txt', 'just some notes'),
      file('animals/cats/huge.png', png(20000, 20000, 1)),
      file('animals/empty.png', new Uint8Array(0)),
      file('animals/.DS_Store', 'junk'),
    ], opts, deps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toEqual({
      id: 'upload-my-animals-abcd', name: 'My animals', count: 30, train: 24, test: 6,
      classes: [{ name: 'cats', count: 10 }, { name: 'dogs', count: 10 }, { name: 'owls', count: 10 }],
    });
    expect(r.skipped).toEqual([
      { path: 'animals/empty.png', reason: 'empty file' },
      { path: 'animals/owls/broken.png', reason: 'could not be decoded: a corrupt or unsupported PNG file' },
      { path: 'animals/notes.txt', reason: 'a text file' },
      { path: 'animals/cats/huge.png', reason: 'too large: 20000×20000 pixels (the limit is 50 megapixels)' },
    ]);
    expect(r.ignored).toBe(1);
  });

  it('stores the dataset in IndexedDB, where the trainer loads it by id without any download', async () => {
    await importImages(folder(), opts, deps);
    const [record] = await listRecords();
    expect(record).toMatchObject({ id: 'upload-my-animals-abcd', origin: 'upload', classCounts: { train: [8, 8, 8], test: [2, 2, 2] } });
    expect(validateManifest({ format: 1, datasets: [record.entry] }, 'record').ok).toBe(true);
    expect(record.preview?.labels).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect((await listCached()).length).toBe(4);
    const offline = (async () => { throw new Error('no network needed'); }) as typeof fetch;
    const d = await loadDataset('upload-my-animals-abcd', { manifestUrl: 'https://x.test/m.json', fetchImpl: offline });
    expect(d).toMatchObject({ name: 'My animals', shape: [28, 28, 3], classes: ['cats', 'dogs', 'owls'], origin: 'upload', fromCache: true });
    expect(d.train.count).toBe(24);
    // Each image's pixels carry its class (1, 11, 21): labels and pixels stayed together.
    for (let i = 0; i < d.test.count; i++) expect(d.test.images[i * 28 * 28 * 3]).toBe(10 * d.test.labels[i] + 1);
  });

  it('opens zips, with the zip name as a folder, and refuses a bomb inside', async () => {
    const zip = makeZip([
      { path: 'round/a.png', data: png(10, 10, 5), deflate: true },
      { path: 'round/b.png', data: png(10, 10, 6) },
      { path: 'square/c.png', data: png(10, 10, 7), deflate: true },
      { path: 'square/d.png', data: png(10, 10, 8) },
      { path: 'square/bomb.png', data: new Uint8Array(8 * 1024 * 1024), deflate: true },
      { path: '__MACOSX/square/._d.png', data: png(10, 10, 8) },
    ]);
    const r = await importImages([file('shapes.zip', zip)], { ...opts, name: 'Zipped', testFraction: 0.5 }, deps);
    expect(r.ok && r.report.classes).toEqual([{ name: 'round', count: 2 }, { name: 'square', count: 2 }]);
    expect(r.skipped).toEqual([{ path: 'shapes/square/bomb.png', reason: expect.stringMatching(/a zip bomb\?/) }]);
    expect(r.ignored).toBe(1);
  });

  it('stores nothing when storage is full, and says so', async () => {
    const r = await importImages(folder(), opts, { ...deps, save: async () => 'quota' as const });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Not enough storage for .* of images\. .*storage .* is full/);
    expect(await listRecords()).toEqual([]);
  });

  it('refuses with a clear message: nothing readable, too many, cancelled', async () => {
    const none = await importImages([file('a.txt', 'x'), file('b.png', png(4, 4, 0, true))], opts, deps);
    expect(!none.ok && none.message).toBe('None of the files is a readable image.');
    expect(none.skipped).toHaveLength(2);
    const many = Array.from({ length: 7000 }, (_, i) => file(`f/${i}.png`, png(4, 4, 1)));
    const big = await importImages(many, { ...opts, size: 64 }, deps);
    expect(!big.ok && big.message).toMatch(/7,000 files are more than the 5,461 images of 64×64 RGB that fit in memory/);
    const ctl = new AbortController();
    ctl.abort();
    const cancelled = await importImages(folder(), { ...opts, signal: ctl.signal }, deps);
    expect(!cancelled.ok && cancelled.message).toBe('Import cancelled; nothing was stored.');
    expect(await listRecords()).toEqual([]);
  });
});

describe('labels and split', () => {
  it('take the first folder below the shared one, and one class for loose files', () => {
    expect(labelsFromPaths(['a/cats/1.png', 'a/dogs/x/2.png', 'a/3.png'])).toEqual({ labels: ['cats', 'dogs', 'unlabelled'], classes: ['cats', 'dogs', 'unlabelled'] });
    expect(labelsFromPaths(['1.png', '2.png']).classes).toEqual(['unlabelled']);
    expect(labelsFromPaths(['z/z/k10/1.png', 'z/z/k9/1.png']).classes).toEqual(['k9', 'k10']);
  });

  it('hold back a share of every class, the same way for the same input', () => {
    const labels = [...new Array(10).fill(0), ...new Array(5).fill(1), 2];
    const s = stratifiedSplit(labels, 0.2);
    expect(s.test.map((i) => labels[i]).sort()).toEqual([0, 0, 1]);
    expect(s.train.length + s.test.length).toBe(16);
    expect(stratifiedSplit(labels, 0.2)).toEqual(s);
  });
});
