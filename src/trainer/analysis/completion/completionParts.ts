import * as tf from '../../tf';
import type { CompletionRequest } from '../../../protocol';
import type { ModelParts } from '../../model/loss';
import type { TrainingSession } from '../../session';
import { drawEps, partialElbo } from './latentFit';

/** Draws of z for a final ELBO estimate: enough that the noise is well below a nat. */
export const EVAL_SAMPLES = 64;

/** Checks a completion request against the model's input, naming the field at fault. */
export function validateCompletion(req: CompletionRequest, inputDim: number): void {
  const int = (name: keyof CompletionRequest, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`complete.${name}: ${v} is not an integer in [${lo}, ${hi}]`);
  };
  if (req.pixels?.length !== inputDim) throw new Error(`complete.pixels: ${req.pixels?.length} values, but the model takes ${inputDim}`);
  if (req.mask?.length !== inputDim) throw new Error(`complete.mask: ${req.mask?.length} values, but the model takes ${inputDim}`);
  if (req.method !== 'amortized' && req.method !== 'optimize') throw new Error(`complete.method: "${req.method}" is not amortized or optimize`);
  if (req.fill !== 'zeros' && req.fill !== 'mean') throw new Error(`complete.fill: "${req.fill}" is not zeros or mean`);
  if (req.init !== 'random' && req.init !== 'encoder') throw new Error(`complete.init: "${req.init}" is not random or encoder`);
  int('steps', req.steps, 1, 20_000);
  int('mcSamples', req.mcSamples, 1, 256);
  int('samples', req.samples, 0, 64);
  if (!(req.learningRate > 0 && req.learningRate <= 10)) throw new Error(`complete.learningRate: ${req.learningRate} is not in (0, 10]`);
}

const meanImages = new WeakMap<TrainingSession, Float32Array>();

/** The mean training image, [0, 1], computed once per session. */
export function trainMean(session: TrainingSession): Float32Array {
  let m = meanImages.get(session);
  if (m) return m;
  const { images, count } = session.data.train;
  const d = session.inputDim;
  const sum = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) sum[j] += images[i * d + j];
  m = Float32Array.from(sum, (v) => v / (255 * Math.max(1, count)));
  meanImages.set(session, m);
  return m;
}

/** Observed pixels as given, unknown ones from `fill` (or 0): what the encoder is shown. */
export function filledImage(pixels: Float32Array, mask: Uint8Array, fill: Float32Array | null): Float32Array {
  return pixels.map((v, j) => (mask[j] ? v : fill ? fill[j] : 0));
}

/** a where mask is 1, b elsewhere: keeps the observed pixels of a completion exact. */
export function composite(observed: Float32Array, mask: Uint8Array, filled: Float32Array): Float32Array {
  return filled.map((v, j) => (mask[j] ? observed[j] : v));
}

/** The values of `t`, awaited (never a synchronous read: GPU backends), as a copy of its own; `t` is disposed. */
export async function readOwned(t: tf.Tensor): Promise<Float32Array> {
  try {
    // A copy: on the CPU backend a read hands out the tensor's own storage, and results are transferred.
    return ((await t.data()) as Float32Array).slice();
  } finally {
    t.dispose();
  }
}

/** Decoder means at z for each row: [n·D] in [0, 1]. */
export function decodeMeans(parts: ModelParts, z: tf.Tensor2D): Promise<Float32Array> {
  return readOwned(tf.tidy(() => tf.clipByValue(parts.likelihood.mean(parts.model.decode(z)), 0, 1)));
}

/** Decoder means at `count` draws z ~ N(mu, e^logvar) of one image's q ([1, K] each). */
export async function sampleMeans(parts: ModelParts, mu: tf.Tensor2D, logvar: tf.Tensor2D, count: number, seed: number): Promise<Float32Array> {
  if (count === 0) return new Float32Array();
  const z = tf.tidy(() => {
    const eps = tf.randomNormal([count, mu.shape[1]], 0, 1, 'float32', seed);
    return tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps)) as tf.Tensor2D;
  });
  try {
    return await decodeMeans(parts, z);
  } finally {
    z.dispose();
  }
}

/** Partial ELBO per image under q = N(mu, e^logvar), with EVAL_SAMPLES fixed draws. */
export function evalElbo(parts: ModelParts, x: tf.Tensor2D, mask: tf.Tensor2D, mu: tf.Tensor2D, logvar: tf.Tensor2D, seed: number): Promise<Float32Array> {
  return readOwned(tf.tidy(() => partialElbo(parts, x, mask, mu, logvar, drawEps(EVAL_SAMPLES, mu.shape[0], mu.shape[1], seed))));
}
