import { loadDataset, type LoadedDataset } from '../data/loadDataset';
import { generateShapes, parseShapesId, SHAPE_CLASSES } from '../data/shapes';
import type { DatasetInfo } from './core';
import type { TrainingData } from './session';

type Progress = (label: string, done: number, total: number) => void;

/**
 * Loads a dataset by its config id and hands the core plain typed arrays: procedural shapes are
 * generated here, in the worker; everything else goes through the cache-aware data layer
 * (built-in datasets from the site's manifest, imported ones from this browser's storage).
 */
export async function loadTrainingData(datasetId: string, manifestUrl: string, onProgress: Progress): Promise<{ data: TrainingData; info: DatasetInfo }> {
  const shapes = parseShapesId(datasetId);
  if (shapes) {
    const label = `Drawing ${shapes.count.toLocaleString('en')} shapes of ${shapes.size}×${shapes.size} pixels`;
    const { train, test } = await generateShapes(shapes, (done, total) => onProgress(label, done, total));
    return {
      data: { shape: [shapes.size, shapes.size, 1], train, test },
      info: { name: `Shapes (${SHAPE_CLASSES.join(', ')}; seed ${shapes.seed})`, attribution: 'Generated in this browser (procedural shapes, seed report 002)', fromCache: false },
    };
  }
  const d = await loadDataset(datasetId, { manifestUrl, onProgress: (p) => onProgress(p.label, p.done, p.total) });
  return {
    data: { shape: d.shape, train: d.train, test: d.test },
    info: {
      name: d.name,
      attribution: d.attribution,
      fromCache: d.fromCache,
      ...datasetWarning(d),
    },
  };
}

/** What the page should know about how the data was loaded: damaged cache entries replaced, storage full. */
export function datasetWarning(d: Pick<LoadedDataset, 'name' | 'quotaExceeded' | 'repaired'>): { warning?: string } {
  const notes: string[] = [];
  if (d.repaired.length) {
    notes.push(`The copy of ${d.name} cached in this browser was damaged (${d.repaired.join(', ')} no longer matched its SHA-256), so it was downloaded again.`);
  }
  if (d.quotaExceeded) notes.push(`This browser’s storage is full, so ${d.name} was not kept and downloads again next time. Free space under “Storage”.`);
  return notes.length ? { warning: notes.join(' ') } : {};
}
