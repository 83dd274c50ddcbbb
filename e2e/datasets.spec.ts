import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';

// ---- PNGs made here with node:zlib, so the test needs no image files or libraries.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An RGB PNG of w×h: a disc of `rgb` on black, placed by `k`. */
function png(w: number, h: number, rgb: [number, number, number], k: number): Buffer {
  const rows: Buffer[] = [];
  const cx = 8 + (k % 5) * 4;
  const cy = 8 + Math.floor(k / 5) * 10;
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + 3 * w);
    for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 36) rgb.forEach((v, c) => (row[1 + 3 * x + c] = v));
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** colours/{red,green,blue}/0..9.png (40×30, so padding keeps the aspect) plus a corrupt PNG and a text file. */
function imageFolder(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'upload-'));
  const dir = join(root, 'colours');
  const classes: Record<string, [number, number, number]> = { red: [230, 30, 30], green: [30, 200, 40], blue: [40, 60, 240] };
  for (const [name, rgb] of Object.entries(classes)) {
    mkdirSync(join(dir, name), { recursive: true });
    for (let k = 0; k < 10; k++) writeFileSync(join(dir, name, `${k}.png`), png(40, 30, rgb, k));
  }
  // A PNG signature then garbage: sniffs as PNG, cannot be decoded.
  writeFileSync(join(dir, 'red', 'broken.png'), Buffer.concat([png(4, 4, [1, 1, 1], 0).subarray(0, 24), Buffer.from('this is not image data at all')]));
  writeFileSync(join(dir, 'notes.txt'), 'Photos of coloured discs.\n');
  return { root, dir };
}

/** What IndexedDB holds for datasets: file keys with names, and dataset records. */
async function stored(page: Page): Promise<{ files: string[]; records: { id: string; origin: string }[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('vae-playground');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      db.objectStoreNames.contains(store)
        ? new Promise<T[]>((resolve, reject) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result as T[]);
            r.onerror = () => reject(r.error);
          })
        : Promise.resolve([] as T[]);
    const files = await all<{ sha256: string; name: string }>('datasets');
    const records = await all<{ id: string; origin: string }>('dataset-index');
    db.close();
    return { files: files.map((f) => `${f.name} ${f.sha256}`).sort(), records: records.map((r) => ({ id: r.id, origin: r.origin })) };
  });
}

test('your own images: a folder of 3 classes imports, trains an RGB conv VAE, survives a reload, and deletes cleanly', async ({ page, consoleErrors }) => {
  void consoleErrors;
  const { root, dir } = imageFolder();
  try {
    await page.goto('/');
    await page.getByText('Your own images', { exact: true }).click();
    await page.getByLabel('Choose a folder').setInputFiles(dir);
    await expect(page.getByTestId('upload-chosen')).toHaveText('32 files chosen.');
    await expect(page.getByLabel('Dataset name')).toHaveValue('colours');
    await page.getByLabel('Colour', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Import images' }).click();

    await expect(page.getByTestId('import-summary')).toHaveText('Imported 30 images in 3 classes as “colours”: 24 for training, 6 for testing.');
    await expect(page.getByRole('list', { name: 'Imported classes' }).getByRole('listitem')).toHaveText(['blue: 10', 'green: 10', 'red: 10']);
    const skipped = page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem');
    await expect(skipped).toHaveCount(2);
    await expect(skipped.filter({ hasText: 'colours/red/broken.png' })).toContainText('could not be decoded: a corrupt or unsupported PNG file');
    await expect(skipped.filter({ hasText: 'colours/notes.txt' })).toContainText('a text file');

    // The new dataset is selected, with its examples and class counts shown before training.
    const radio = page.getByRole('radio', { name: 'colours' });
    await expect(radio).toBeChecked();
    await expect(page.getByRole('table', { name: 'Images per class' }).getByRole('row')).toHaveCount(4);
    await expect(page.getByRole('img', { name: 'Example images from colours' })).toBeVisible();

    // A conv VAE on 28×28 RGB images, for a few steps.
    await page.getByLabel('Backend').selectOption('wasm');
    await page.getByLabel('Architecture').selectOption('conv');
    await page.getByLabel('Conv channels').fill('8, 16');
    for (let i = 1; i <= 3; i++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(i);
    }
    await expect(page.getByTestId('dataset-progress')).toHaveAccessibleName(/24 training and 6 test images/);
    // The reconstruction grid shows colour: originals are red, green or blue discs.
    const coloured = await page.getByTestId('recon-grid').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 100) n++;
      return n;
    });
    expect(coloured).toBeGreaterThan(100);

    // After a reload the dataset is still in this browser.
    await page.reload();
    await expect(page.getByRole('radio', { name: 'colours' })).toBeVisible();
    const before = await stored(page);
    const id = before.records.find((r) => r.origin === 'upload')?.id;
    expect(id).toMatch(/^upload-colours-[a-z0-9]{4}$/);
    expect(before.files.filter((f) => f.startsWith(`${id}/`))).toHaveLength(4);

    // The cache manager deletes it: record and files leave IndexedDB.
    await page.getByText('Storage', { exact: true }).click();
    await expect(page.getByRole('table', { name: 'Datasets stored in this browser' })).toContainText('colours');
    await expect(page.getByTestId('storage-usage')).toHaveText(/The site uses .* of the .* this browser allows it/);
    await page.getByRole('button', { name: 'Delete colours' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted “colours”.' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'colours' })).toHaveCount(0);
    const after = await stored(page);
    expect(after.records.map((r) => r.id)).not.toContain(id);
    expect(after.files.filter((f) => f.startsWith(`${id}/`))).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a dataset from a URL: a wrong sha256 is a clear error and leaves the cache unchanged', async ({ page, consoleErrors }) => {
  void consoleErrors;
  const raw = { images: Buffer.alloc(5 * 16, 7), labels: Buffer.from([0, 1, 0, 1, 1]) };
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const file = (name: string, b: Buffer, bad = false) => ({ file: `toy/${name}.u8gz`, bytes: gzipSync(b).length, rawBytes: b.length, sha256: bad ? 'f'.repeat(64) : sha(b) });
  const split = (bad: boolean) => ({ count: 5, images: file('images', raw.images), labels: file('labels', raw.labels, bad) });
  const manifest = { format: 1, datasets: [{ id: 'toy', name: 'Toy set', shape: [4, 4, 1], classes: ['a', 'b'], license: 'CC0', attribution: 'A test', source: 'e2e', splits: { train: split(false), test: split(true) } }] };
  await page.route('**/course/manifest.json', (r) => r.fulfill({ json: manifest }));
  await page.route('**/course/toy/*.u8gz', (r) => r.fulfill({ body: gzipSync(r.request().url().includes('images') ? raw.images : raw.labels) }));
  await page.route('**/course/broken/manifest.json', (r) => r.fulfill({ json: { format: 1, datasets: [{ id: 'x' }] } }));

  await page.goto('/');
  await page.getByText('Dataset from a URL', { exact: true }).click();
  const before = await stored(page);

  // A malformed manifest is named field by field.
  await page.getByLabel('Manifest URL').fill(new URL('course/broken/manifest.json', page.url()).href);
  await page.getByRole('button', { name: 'Fetch manifest' }).click();
  await expect(page.getByRole('alert')).toContainText('manifest.json: datasets[0].name must be a non-empty string');

  await page.getByLabel('Manifest URL').fill(new URL('course/manifest.json', page.url()).href);
  await page.getByRole('button', { name: 'Fetch manifest' }).click();
  await page.getByRole('button', { name: 'Download Toy set' }).click();
  await expect(page.getByRole('alert')).toContainText('toy/labels.u8gz is damaged or from another version: sha256');
  expect(await stored(page)).toEqual(before);
  await expect(page.getByRole('radio', { name: 'Toy set' })).toHaveCount(0);
});
