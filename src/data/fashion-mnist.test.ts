import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearDatasets } from './registry';
import { parseIdx } from './idx';
import { loadDataset } from './loadDataset';
import type { DatasetEntry } from './manifest';
import { entry, OUT, packedManifest, sha256, staticSite, unpacked } from './testing/packed';

// sha256 of the official files' data bytes (IDX header removed), so the committed copy is
// checked even where Debian's dataset-fashion-mnist is not installed.
const OFFICIAL = {
  'train-images': '2e487a6c89124f78f2d7521542223cafe96f7123c3ca13d447772ac6ecbb3012',
  'train-labels': '657fbd221bfc9f4198cc14b5619cc33ec57c58dd0e47af4d99d6650759e869a7',
  'test-images': 'c867c93ff95360594e8ec3287995350b824dd110b11595c0e13d5423f621867a',
  'test-labels': '3d0e6c6ea990b53b6f8f500a41cac93881d981b315f84578b7d915342ade01e9',
};
const DEBIAN = '/usr/share/datasets/fashion-mnist/';
const SOURCE = { 'train-images': 'train-images-idx3-ubyte.gz', 'train-labels': 'train-labels-idx1-ubyte.gz', 'test-images': 't10k-images-idx3-ubyte.gz', 'test-labels': 't10k-labels-idx1-ubyte.gz' };
type Name = keyof typeof OFFICIAL;
const NAMES = Object.keys(OFFICIAL) as Name[];

let fashion: DatasetEntry;
const raw = {} as Record<Name, Uint8Array>;

beforeAll(() => {
  fashion = entry(packedManifest(), 'fashion-mnist');
  for (const name of NAMES) {
    const [split, kind] = name.split('-') as ['train' | 'test', 'images' | 'labels'];
    raw[name] = unpacked(fashion.splits[split][kind].file);
  }
});

describe('packed Fashion-MNIST', () => {
  it('has its class names, license and attribution in the manifest', () => {
    expect(fashion).toMatchObject({
      name: 'Fashion-MNIST',
      shape: [28, 28, 1],
      classes: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
      license: 'MIT',
    });
    expect(fashion.attribution).toMatch(/Zalando/);
    expect(fashion.splits.train.count).toBe(60000);
    expect(fashion.splits.test.count).toBe(10000);
    expect(readFileSync(`${OUT}fashion-mnist/LICENSE.txt`, 'utf8')).toMatch(/MIT License[\s\S]*Zalando SE/);
  });

  it('decodes to the bytes of the official files', () => {
    for (const name of NAMES) expect(sha256(raw[name]), name).toBe(OFFICIAL[name]);
  });

  it.runIf(existsSync(DEBIAN))('matches the official gzip IDX files byte for byte (Debian package installed)', () => {
    for (const name of NAMES) {
      const official = parseIdx(gunzipSync(readFileSync(DEBIAN + SOURCE[name]))).data;
      expect(sha256(official), name).toBe(OFFICIAL[name]);
      expect(Buffer.compare(official, raw[name]), name).toBe(0);
    }
  });

  it('has 6,000 training and 1,000 test images per class, the known first labels and mean', () => {
    const count = (labels: Uint8Array) => Array.from({ length: 10 }, (_, c) => labels.filter((l) => l === c).length);
    expect(count(raw['train-labels'])).toEqual(new Array(10).fill(6000));
    expect(count(raw['test-labels'])).toEqual(new Array(10).fill(1000));
    expect(fashion.classCounts).toEqual({ train: new Array(10).fill(6000), test: new Array(10).fill(1000) });
    expect(Array.from(raw['train-labels'].subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    let sum = 0;
    for (const p of raw['train-images']) sum += p;
    expect(sum / raw['train-images'].length / 255).toBeCloseTo(0.286, 3);
  });

  it('ships a preview of test images whose labels it states', () => {
    const p = fashion.preview!;
    const images = unpacked(p.file);
    expect(p.labels).toHaveLength(20);
    expect(new Set(p.labels).size).toBe(10);
    // Each preview image is a test image of the stated class.
    p.labels.forEach((label, k) => {
      const img = images.subarray(k * 784, (k + 1) * 784);
      const at = findImage(raw['test-images'], img);
      expect(at, `preview ${k}`).toBeGreaterThanOrEqual(0);
      expect(raw['test-labels'][at]).toBe(label);
    });
  });

  it('loads through loadDataset with the same bytes', async () => {
    await clearDatasets();
    const site = staticSite();
    const d = await loadDataset('fashion-mnist', site);
    expect(site.calls).toHaveLength(5);
    expect(sha256(d.train.images)).toBe(OFFICIAL['train-images']);
    expect(sha256(d.test.labels)).toBe(OFFICIAL['test-labels']);
    expect(d.classes[9]).toBe('Ankle boot');
    await clearDatasets();
  });
});

function findImage(all: Uint8Array, img: Uint8Array): number {
  for (let i = 0; i < all.length / 784; i++) {
    if (Buffer.compare(all.subarray(i * 784, (i + 1) * 784), img) === 0) return i;
  }
  return -1;
}
