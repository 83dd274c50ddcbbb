import { mulberry32 } from '../../random';
import type { TrainingSession } from '../../session';
import type { Handler } from '../types';

const MAX_IMAGES = 1000;

/** Indices into the test split: `count` distinct ones drawn with `seed`, of one label when given. */
export function pickTestIndices(session: TrainingSession, count: number, seed: number, label?: number): number[] {
  const { labels, count: n } = session.data.test;
  const pool: number[] = [];
  for (let i = 0; i < n; i++) if (label === undefined || labels[i] === label) pool.push(i);
  if (label !== undefined && pool.length === 0) throw new Error(`testImages.label: no test image has label ${label}`);
  const rand = mulberry32(seed);
  const k = Math.min(count, pool.length);
  // A partial Fisher–Yates: the first k of a seeded shuffle.
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** Pixels in [0, 1] of test images, one after another, D = h·w·c each. */
export function testPixels(session: TrainingSession, indices: readonly number[]): Float32Array {
  const d = session.inputDim;
  const src = session.data.test.images;
  const out = new Float32Array(indices.length * d);
  indices.forEach((idx, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = src[idx * d + j] / 255;
  });
  return out;
}

/** Test images for the page to start a drawing from, chosen by index, or at random (of a class). */
export const testImages: Handler<'testImages'> = async (req, ctx) => {
  const { session } = ctx;
  const n = session.data.test.count;
  let indices: number[];
  if (req.indices) {
    const bad = req.indices.find((i) => !Number.isInteger(i) || i < 0 || i >= n);
    if (bad !== undefined) throw new Error(`testImages.indices: ${bad} is not an index from 0 to ${n - 1}`);
    indices = req.indices.slice(0, MAX_IMAGES);
  } else {
    if (!Number.isInteger(req.count) || req.count < 1 || req.count > MAX_IMAGES) {
      throw new Error(`testImages.count: ${req.count} is not an integer from 1 to ${MAX_IMAGES}`);
    }
    if (req.label !== undefined && !Number.isInteger(req.label)) throw new Error(`testImages.label: ${req.label} is not an integer`);
    indices = pickTestIndices(session, req.count, req.seed ?? 1, req.label);
  }
  const pixels = testPixels(session, indices);
  const labels = Uint8Array.from(indices, (i) => session.data.test.labels[i]);
  const idx = Int32Array.from(indices);
  return {
    result: { kind: 'testImages', pixels, labels, indices: idx, count: indices.length, shape: session.data.shape },
    transfer: [pixels.buffer, labels.buffer, idx.buffer],
  };
};
