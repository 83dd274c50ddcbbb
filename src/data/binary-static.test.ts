import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBits } from './bits';
import { loadDataset, type LoadedDataset } from './loadDataset';
import type { DatasetManifest } from './manifest';
import { clearDatasets, listRecords } from './registry';
import { entry, packedManifest, sha256, staticSite, unpacked } from './testing/packed';
// The packing script's own binarization, to check the shipped sample is the seeded one.
// @ts-expect-error -- a plain .mjs script without type declarations
import { advance, BINARY_SEED, drawBits } from '../../scripts/pack-datasets.mjs';

let manifest: DatasetManifest;
let first: LoadedDataset;
let mnist: LoadedDataset;

beforeAll(async () => {
  manifest = packedManifest();
  await clearDatasets();
  first = await loadDataset('mnist-binary-static', staticSite());
  mnist = await loadDataset('mnist', staticSite());
});

describe('static binarized MNIST', () => {
  it('ships 1 bit per pixel and shares its labels with MNIST', () => {
    const bin = entry(manifest, 'mnist-binary-static');
    expect(bin.splits.train.images).toMatchObject({ encoding: 'bits', rawBytes: (60000 * 784) / 8 });
    expect(bin.splits.train.images.bytes).toBeLessThan(2.2e6);
    expect(bin.splits.train.labels).toEqual(entry(manifest, 'mnist').splits.train.labels);
  });

  it('is identical across loads: downloaded twice and read back from the cache', async () => {
    await clearDatasets();
    const again = await loadDataset('mnist-binary-static', staticSite());
    const site = staticSite();
    const cached = await loadDataset('mnist-binary-static', site);
    expect(site.calls).toEqual(['/datasets/manifest.json']);
    expect(cached.fromCache).toBe(true);
    for (const split of ['train', 'test'] as const) {
      expect(sha256(again[split].images)).toBe(sha256(first[split].images));
      expect(sha256(cached[split].images)).toBe(sha256(first[split].images));
    }
  });

  it('is a Bernoulli draw of the MNIST grey levels: 0/255 only, sure pixels kept, same mean', () => {
    const b = first.train.images;
    const g = mnist.train.images;
    expect(b.length).toBe(g.length);
    let ones = 0;
    let wrong = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] !== 0 && b[i] !== 255) wrong++;
      if ((g[i] === 0 && b[i] !== 0) || (g[i] === 255 && b[i] !== 255)) wrong++;
      ones += b[i] === 255 ? 1 : 0;
    }
    expect(wrong).toBe(0);
    // 47 M independent draws: the standard error of the mean is below 1e-4.
    expect(ones / b.length).toBeCloseTo(0.1307, 3);
    expect(Array.from(first.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  });

  it('is the sample the packing script draws with its fixed seed', () => {
    // The test split's draws follow the training split's 47,040,000 in the same stream.
    const redrawn: Uint8Array = drawBits(mnist.test.images, advance(BINARY_SEED, 60000 * 784));
    const bin = entry(manifest, 'mnist-binary-static');
    expect(sha256(packBits(redrawn))).toBe(bin.splits.test.images.sha256);
    expect(sha256(unpacked(bin.splits.test.images.file))).toBe(bin.splits.test.images.sha256);
  });

  it('records both datasets for the cache manager', async () => {
    await loadDataset('mnist', staticSite());
    const records = await listRecords();
    expect(records.map((r) => r.id).sort()).toEqual(['mnist', 'mnist-binary-static']);
    expect(records.every((r) => r.origin === 'builtin')).toBe(true);
  });
});
