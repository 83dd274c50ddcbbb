/**
 * Everything the dataset picker can offer, for the page: the site's built-in datasets (from its
 * manifest, with counts and a small preview file), procedural shapes, and datasets imported into
 * this browser (from their records). No dataset's bulk files are touched.
 */
import { getCached, putCached } from './cache';
import { fetchVerified } from './fetchFile';
import { fetchManifest, resolveUrl } from './loadDataset';
import type { ClassCounts, DatasetEntry, FileEntry } from './manifest';
import { listRecords, PREVIEW_PREFIX, type DatasetOrigin, type PreviewData } from './registry';
import { parseShapesId, SHAPE_CLASSES, shapeClassCounts, shapeImages, shapesId, testCount, type ShapesSpec } from './shapes';

export interface CatalogItem {
  /** The config's dataset id. */
  id: string;
  name: string;
  origin: DatasetOrigin | 'procedural';
  shape: [number, number, number];
  classes: string[];
  counts: { train: number; test: number };
  classCounts: ClassCounts | null;
  license: string;
  attribution: string;
  /** A few example images; fetched or made on demand. */
  preview(): Promise<PreviewData | null>;
}

export interface Catalog {
  items: CatalogItem[];
  /** The site's manifest could not be read: built-in datasets are missing from the list. */
  manifestError: string | null;
}

export async function loadCatalog(manifestUrl: string, fetchImpl: typeof fetch = fetch): Promise<Catalog> {
  const url = resolveUrl(manifestUrl);
  const [manifest, records] = await Promise.all([fetchManifest(url, fetchImpl).catch((e: Error) => e), listRecords()]);
  const items: CatalogItem[] = [];
  if (!(manifest instanceof Error)) items.push(...manifest.datasets.map((d) => builtinItem(d, url, fetchImpl)));
  items.push(shapesItem(parseShapesId('shapes')!));
  for (const r of records) {
    if (r.origin === 'builtin') continue;
    items.push({ ...fromEntry(r.entry, r.classCounts), id: r.id, origin: r.origin, preview: async () => r.preview });
  }
  return { items, manifestError: manifest instanceof Error ? manifest.message : null };
}

function fromEntry(d: DatasetEntry, classCounts: ClassCounts | null) {
  return {
    name: d.name,
    shape: d.shape,
    classes: d.classes,
    counts: { train: d.splits.train.count, test: d.splits.test.count },
    classCounts,
    license: d.license,
    attribution: d.attribution,
  };
}

function builtinItem(d: DatasetEntry, manifestUrl: string, fetchImpl: typeof fetch): CatalogItem {
  let preview: Promise<PreviewData | null> | null = null;
  const p = d.preview;
  return {
    ...fromEntry(d, d.classCounts ?? null),
    id: d.id,
    origin: 'builtin',
    preview: () => (preview ??= p ? cachedPreview(p, manifestUrl, fetchImpl).then((images) => ({ images, labels: p.labels })) : Promise.resolve(null)),
  };
}

/** A preview file from IndexedDB, else downloaded, verified and kept, so a second visit requests nothing. */
async function cachedPreview(p: FileEntry, manifestUrl: string, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const hit = await getCached(p.sha256);
  if (hit.status === 'hit') return hit.bytes;
  const bytes = await fetchVerified(new URL(p.file, manifestUrl).href, p, () => {}, fetchImpl);
  await putCached(p.sha256, bytes, PREVIEW_PREFIX + p.file);
  return bytes;
}

/** The shapes entry for one size, count and seed; its preview is the first training images. */
export function shapesItem(spec: ShapesSpec): CatalogItem {
  const n = Math.min(12, spec.count);
  return {
    id: shapesId(spec),
    name: 'Shapes',
    origin: 'procedural',
    shape: [spec.size, spec.size, 1],
    classes: [...SHAPE_CLASSES],
    counts: { train: spec.count, test: testCount(spec) },
    classCounts: { train: shapeClassCounts(spec.count), test: shapeClassCounts(testCount(spec)) },
    license: 'Generated',
    attribution: `Rectangles, circles and triangles of random size, position and rotation, drawn from seed ${spec.seed} when training starts`,
    preview: async () => {
      const s = shapeImages(spec, 'train', 0, n);
      return { images: s.images, labels: Array.from(s.labels) };
    },
  };
}
