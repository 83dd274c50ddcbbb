import * as tf from '../../tf';
import type { DecoderOutput, ImageGridPayload, TestSelection } from '../../../protocol';
import { mulberry32 } from '../../random';
import type { TrainingSession } from '../../session';

/** Throws a message naming the request field unless v is a whole number in [min, max]. */
export function checkInt(field: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${field} must be a whole number from ${min} to ${max} (got ${v}).`);
  return v;
}

export function checkNumber(field: string, v: number, min: number, max: number): number {
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${field} must be a number from ${min} to ${max} (got ${v}).`);
  return v;
}

/** Images in [0, 1] (values outside are clipped) as a grid of 0..255 pixels; disposes `t`. Read awaited: GPU backends. */
export async function toGrid(t: tf.Tensor2D, shape: [number, number, number], cols: number): Promise<ImageGridPayload> {
  const scaled = tf.tidy(() => tf.mul(tf.clipByValue(t, 0, 1), 255));
  t.dispose();
  let values: Float32Array;
  try {
    values = (await scaled.data()) as Float32Array;
  } finally {
    scaled.dispose();
  }
  const [height, width, channels] = shape;
  const count = values.length / (height * width * channels);
  return { count, cols: Math.max(1, Math.min(cols, count)), width, height, channels: channels as 1 | 3, pixels: Uint8ClampedArray.from(values) };
}

/** Test images by index as a [n, D] tensor in [0, 1], the same values the model trains on. */
export function testImagesTensor(session: TrainingSession, indices: readonly number[]): tf.Tensor2D {
  const d = session.inputDim;
  const src = session.data.test.images;
  const out = new Float32Array(indices.length * d);
  indices.forEach((idx, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = src[idx * d + j] / 255;
  });
  return tf.tensor2d(out, [indices.length, d]);
}

export const MAX_SELECTED = 200;

/** The test indices a selection names: given ones (checked), or `count` drawn with a seed, of one label if asked. */
export function resolveSelection(session: TrainingSession, sel: TestSelection): number[] {
  const { labels, count: n } = session.data.test;
  if (sel.by === 'indices') {
    if (sel.indices.length === 0) throw new Error('Pick at least one test image.');
    if (sel.indices.length > MAX_SELECTED) throw new Error(`At most ${MAX_SELECTED} images can be shown at once (got ${sel.indices.length}).`);
    for (const i of sel.indices) checkInt('A test image index', i, 0, n - 1);
    return [...sel.indices];
  }
  checkInt('Image count', sel.count, 1, MAX_SELECTED);
  const pool: number[] = [];
  for (let i = 0; i < n; i++) if (sel.by === 'random' || labels[i] === sel.label) pool.push(i);
  if (pool.length === 0) throw new Error(`No test image has label ${sel.by === 'label' ? sel.label : ''}.`);
  const rand = mulberry32(sel.seed);
  const k = Math.min(sel.count, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** z = μ + σ·ε with a seeded ε: one draw from each row's q(z|x). */
export function sampleQ(mu: tf.Tensor2D, logvar: tf.Tensor2D, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const eps = tf.randomNormal<tf.Rank.R2>(mu.shape, 0, 1, 'float32', seed);
    return tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps)) as tf.Tensor2D;
  });
}

/** What the decoder makes of z: the mean E[x|z] or a seeded draw of p(x|z), [n, D] (draws may leave [0, 1]). */
export function decodeImages(session: TrainingSession, z: tf.Tensor2D, output: DecoderOutput, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const params = session.model.decode(z);
    const lik = session.parts.likelihood;
    return output === 'sample' ? lik.sample(params, seed) : lik.mean(params);
  });
}

/** Seeds for successive draws of one request, kept apart from each other and from training's streams. */
export function drawSeed(seed: number, purpose: number, counter = 0): number {
  return (((seed >>> 0) * 2_654_435_761 + purpose * 97_003 + counter * 7_919) % 2_147_483_647) + 1;
}
