import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog';
import { clearDatasets, saveDataset, summarize } from './registry';
import { packedManifest, staticSite } from './testing/packed';

beforeAll(async () => {
  packedManifest();
  await clearDatasets();
});

describe('dataset catalog', () => {
  it('lists the built-in datasets, shapes and imported ones, with counts', async () => {
    const first = await loadCatalog(staticSite().manifestUrl, staticSite().fetchImpl);
    expect(first.manifestError).toBeNull();
    expect(first.items.map((i) => [i.id, i.origin])).toEqual([['mnist', 'builtin'], ['fashion-mnist', 'builtin'], ['mnist-binary-static', 'builtin'], ['shapes', 'procedural']]);
    const shapes = first.items[3];
    expect(shapes.classCounts).toEqual({ train: [2000, 2000, 2000], test: [334, 333, 333] });
    const preview = await shapes.preview();
    expect(preview?.labels).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);

    const entry = { ...fashionEntry(), id: 'upload-mine-0000', name: 'Mine' };
    expect(await saveDataset({ id: 'upload-mine-0000', origin: 'upload', entry, classCounts: { train: [1], test: [1] }, preview: null, storedAt: 5 })).toBe('stored');
    const second = await loadCatalog(staticSite().manifestUrl, staticSite().fetchImpl);
    expect(second.items.at(-1)).toMatchObject({ id: 'upload-mine-0000', name: 'Mine', origin: 'upload' });
  });

  it('fetches a built-in preview once, verified, then takes it from IndexedDB', async () => {
    const site = staticSite();
    const c = await loadCatalog(site.manifestUrl, site.fetchImpl);
    const p = await c.items[0].preview();
    expect(p?.images.length).toBe(20 * 784);
    expect(site.calls).toEqual(['/datasets/manifest.json', '/datasets/mnist/preview.u8gz']);
    const again = staticSite();
    const c2 = await loadCatalog(again.manifestUrl, again.fetchImpl);
    expect(await c2.items[0].preview()).toEqual(p);
    expect(again.calls).toEqual(['/datasets/manifest.json']);
    // Kept as an example image file, not counted as a leftover download.
    const s = await summarize();
    expect(s.unused.count).toBe(0);
    expect(s.previews.count).toBeGreaterThanOrEqual(1);
  });

  it('still lists shapes and imports when the site manifest cannot be read', async () => {
    const offline = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    const c = await loadCatalog('https://site.test/datasets/manifest.json', offline);
    expect(c.manifestError).toMatch(/Could not download manifest\.json: the server could not be reached \(this browser is offline/);
    expect(c.items.map((i) => i.id)).toContain('shapes');
  });
});

function fashionEntry() {
  return packedManifest().datasets.find((d) => d.id === 'fashion-mnist')!;
}
