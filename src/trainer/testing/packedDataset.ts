import { unpackBits } from '../../data/bits';
import { entry, packedManifest, unpacked } from '../../data/testing/packed';
import type { TrainingData } from '../session';

/**
 * A built-in dataset as the page loads it (public/datasets: MNIST, its fixed binarization,
 * Fashion-MNIST), for Node scripts that train what the page would: the same bytes, bit-packed
 * images unpacked the same way.
 */
export function packedDataset(id: string): TrainingData {
  const ds = entry(packedManifest(), id);
  const [h, w, c] = ds.shape;
  const split = (s: 'train' | 'test') => {
    const f = ds.splits[s];
    const raw = new Uint8Array(unpacked(f.images.file));
    const images = f.images.encoding === 'bits' ? unpackBits(raw, f.count * h * w * c) : raw;
    return { images, labels: new Uint8Array(unpacked(f.labels.file)), count: f.count };
  };
  return { shape: ds.shape, train: split('train'), test: split('test') };
}
