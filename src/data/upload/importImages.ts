import { sha256Hex } from '../fetchFile';
import { classCountsOf, makePreview } from '../loadEntry';
import type { DatasetEntry, FileEntry } from '../manifest';
import { saveDataset, type DatasetRecord, type NewFile } from '../registry';
import { QUOTA_HINT } from '../storage';
import type { PutOutcome } from '../cache';
import { labelsFromPaths } from './labels';
import { describeNonImage, imageDims, jpegCutShort, pngCutShort, sniffImage, type ImageType } from './sniff';
import { expandPicked, type PickedFile, type Skipped } from './sources';
import { stratifiedSplit } from './split';
import { mb } from './zip';
import { plainError } from '../../plainError';

export type { PickedFile, Skipped } from './sources';

/** Decodes one image to size×size×channels uint8 pixels, aspect kept by padding (decodeImage.ts in the browser). */
export type DecodeFn = (bytes: Uint8Array, type: ImageType, size: number, channels: 1 | 3) => Promise<Uint8Array>;

export interface ImportOptions {
  name: string;
  size: number;
  channels: 1 | 3;
  /** Fraction of each class held back for testing, e.g. 0.2. */
  testFraction: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
}
export interface ImportDeps {
  decode: DecodeFn;
  save?: (record: DatasetRecord, files: NewFile[]) => Promise<PutOutcome>;
  /** Makes ids unique; random in the app, fixed in tests. */
  idSuffix?: () => string;
}
export interface ImportReport {
  id: string;
  name: string;
  count: number;
  train: number;
  test: number;
  classes: { name: string; count: number }[];
}
export type ImportResult =
  | { ok: true; report: ImportReport; skipped: Skipped[]; ignored: number }
  | { ok: false; message: string; skipped: Skipped[]; ignored: number };

export const IMPORT_LIMITS = { maxImages: 60000, maxClasses: 256, maxDataBytes: 64 * 1024 * 1024, maxPixels: 50_000_000, sizes: [28, 32, 48, 64, 96, 128] };

/**
 * Turns picked files into a stored dataset: every readable PNG/JPEG (also GIF, WebP, BMP) is
 * decoded, resized and labelled by its folder; everything else is listed with the reason it was
 * skipped. Files and record are stored in one transaction, so a failure stores nothing.
 */
export async function importImages(picked: PickedFile[], opts: ImportOptions, deps: ImportDeps): Promise<ImportResult> {
  const { candidates, skipped, ignored } = await expandPicked(picked);
  const fail = (message: string): ImportResult => ({ ok: false, message, skipped, ignored });
  const name = opts.name.trim();
  if (!name) return fail('Give the dataset a name.');
  if (!IMPORT_LIMITS.sizes.includes(opts.size)) return fail(`Image size must be one of ${IMPORT_LIMITS.sizes.join(', ')} pixels.`);
  if (!(opts.testFraction > 0 && opts.testFraction < 1)) return fail('The test share must be between 0% and 100%.');
  const perImage = opts.size * opts.size * opts.channels;
  const fit = Math.min(IMPORT_LIMITS.maxImages, Math.floor(IMPORT_LIMITS.maxDataBytes / perImage));
  if (candidates.length > fit) {
    return fail(`${candidates.length.toLocaleString('en')} files are more than the ${fit.toLocaleString('en')} images of ${opts.size}×${opts.size}${opts.channels === 3 ? ' RGB' : ''} that fit in memory; choose a smaller size or greyscale, or fewer files.`);
  }

  const images: { path: string; pixels: Uint8Array }[] = [];
  for (const [i, c] of candidates.entries()) {
    if (opts.signal?.aborted) return fail('Import cancelled; nothing was stored.');
    opts.onProgress?.(i, candidates.length, `Reading ${c.path}`);
    const why = await decodeOne(c.path, c.read, opts, deps.decode, images);
    if (why) skipped.push({ path: c.path, reason: why });
  }
  opts.onProgress?.(candidates.length, candidates.length, 'Storing');
  if (images.length < 2) return fail(images.length ? 'Only one image could be read; a dataset needs at least two.' : 'None of the files is a readable image.');

  const { labels: names, classes } = labelsFromPaths(images.map((m) => m.path));
  if (classes.length > IMPORT_LIMITS.maxClasses) return fail(`${classes.length} folders make too many classes (the limit is ${IMPORT_LIMITS.maxClasses}).`);
  const labels = names.map((n) => classes.indexOf(n));
  const { train, test } = stratifiedSplit(labels, opts.testFraction);
  if (test.length === 0) return fail('Too few images to hold any back for testing: some folder needs at least two images.');

  const id = `upload-${slug(name)}-${(deps.idSuffix ?? randomSuffix)()}`;
  const pack = (idx: number[]) => {
    const px = new Uint8Array(idx.length * perImage);
    idx.forEach((i, k) => px.set(images[i].pixels, k * perImage));
    return { images: px, labels: Uint8Array.from(idx, (i) => labels[i]), count: idx.length };
  };
  const data = { train: pack(train), test: pack(test) };
  const files: NewFile[] = [];
  const file = async (split: string, kind: string, bytes: Uint8Array): Promise<FileEntry> => {
    const sha256 = await sha256Hex(bytes as Uint8Array<ArrayBuffer>);
    files.push({ sha256, bytes, name: `${id}/${split}-${kind}` });
    return { file: `${id}/${split}-${kind}`, bytes: bytes.length, rawBytes: bytes.length, sha256 };
  };
  const entry: DatasetEntry = {
    id,
    name,
    shape: [opts.size, opts.size, opts.channels],
    classes,
    license: 'Your own images',
    attribution: `Your own images, imported ${new Date().toISOString().slice(0, 10)}`,
    source: `${images.length} image files from this computer`,
    splits: {
      train: { count: train.length, images: await file('train', 'images', data.train.images), labels: await file('train', 'labels', data.train.labels) },
      test: { count: test.length, images: await file('test', 'images', data.test.images), labels: await file('test', 'labels', data.test.labels) },
    },
  };
  const classCounts = classCountsOf(data, classes.length);
  const record: DatasetRecord = { id, origin: 'upload', entry, classCounts, preview: makePreview(data.train, perImage, classes.length), storedAt: Date.now() };
  if (opts.signal?.aborted) return fail('Import cancelled; nothing was stored.');
  const outcome = await (deps.save ?? saveDataset)(record, files);
  if (outcome === 'quota') return fail(`Not enough storage for ${mb(perImage * images.length)} of images. ${QUOTA_HINT}`);
  if (outcome === 'unavailable') return fail('This browser lets the site store nothing (a private window, or storage blocked), so imported images cannot be kept.');
  if (outcome === 'failed') return fail('The images could not be stored: the browser’s database refused the write.');
  const counts = classes.map((n, k) => ({ name: n, count: classCounts.train[k] + classCounts.test[k] }));
  return { ok: true, report: { id, name, count: images.length, train: train.length, test: test.length, classes: counts }, skipped, ignored };
}

async function decodeOne(path: string, read: () => Promise<Uint8Array>, opts: ImportOptions, decode: DecodeFn, out: { path: string; pixels: Uint8Array }[]): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await read();
  } catch (e) {
    return e instanceof Error && e.message ? plainError(e) : 'could not be read';
  }
  const type = sniffImage(bytes);
  if (!type) return describeNonImage(bytes, path);
  const dims = imageDims(bytes, type);
  if (dims && dims[0] * dims[1] > IMPORT_LIMITS.maxPixels) return `too large: ${dims[0]}×${dims[1]} pixels (the limit is ${IMPORT_LIMITS.maxPixels / 1e6} megapixels)`;
  if (dims && (dims[0] === 0 || dims[1] === 0)) return 'corrupt: the image has no pixels';
  const cut = type === 'image/png' ? pngCutShort(bytes) : type === 'image/jpeg' ? jpegCutShort(bytes) : null;
  if (cut) return `could not be decoded: a corrupt or unsupported ${type.slice(6).toUpperCase()} file (${cut})`;
  try {
    out.push({ path, pixels: await decode(bytes, type, opts.size, opts.channels) });
    return null;
  } catch {
    return `could not be decoded: a corrupt or unsupported ${type.slice(6).toUpperCase()} file`;
  }
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'images';
}

function randomSuffix(): string {
  return Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
}
