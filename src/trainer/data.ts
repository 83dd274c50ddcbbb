import { loadDataset } from '../data/loadDataset';
import type { DatasetInfo } from './core';
import type { TrainingData } from './session';

/** Loads a dataset through the cache-aware data layer and hands the core plain typed arrays. */
export async function loadTrainingData(
  datasetId: string,
  manifestUrl: string,
  onProgress: (label: string, done: number, total: number) => void,
): Promise<{ data: TrainingData; info: DatasetInfo }> {
  const d = await loadDataset(datasetId, {
    manifestUrl,
    onProgress: (p) => onProgress(p.label, p.done, p.total),
  });
  return {
    data: { shape: d.shape, train: d.train, test: d.test },
    info: { name: d.name, attribution: `${d.attribution}`, fromCache: d.fromCache },
  };
}
