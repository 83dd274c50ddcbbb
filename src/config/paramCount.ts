import type { ExperimentConfig } from './experiment';
import { paramsPerPixel as perPixelOf } from './likelihoodParams';

export type ImageShape = [number, number, number];

/**
 * Kernel size of the worker's conv layers (src/trainer/model/conv). The page may not import the
 * trainer's plan (it is another TypeScript project), so the formula is repeated here and
 * src/trainer/model/paramCount.test.ts checks it against the real model's variables.
 */
export const CONV_KERNEL = 3;

/** Weights and biases of a chain of dense layers of the given widths. */
function denseChain(widths: readonly number[]): number {
  let n = 0;
  for (let i = 0; i + 1 < widths.length; i++) n += widths[i] * widths[i + 1] + widths[i + 1];
  return n;
}

/**
 * Conv VAE: per channel entry a 'same' conv that halves the image (rounding up), a dense head to
 * 2·latent, a dense layer back to the last feature map, and mirrored transposed convs whose last
 * one outputs P values per pixel and channel.
 */
function convCount(shape: ImageShape, channels: readonly number[], latent: number, perPixel: number): number {
  const [h, w, c] = shape;
  let [bh, bw] = [h, w];
  for (let i = 0; i < channels.length; i++) [bh, bw] = [Math.ceil(bh / 2), Math.ceil(bw / 2)];
  const flat = bh * bw * channels[channels.length - 1];
  const k2 = CONV_KERNEL * CONV_KERNEL;
  const conv = (i: number, o: number) => k2 * i * o + o;
  let n = denseChain([flat, 2 * latent]) + denseChain([latent, flat]);
  channels.forEach((out, i) => {
    const prev = i === 0 ? c : channels[i - 1];
    n += conv(prev, out) + conv(out, i === 0 ? perPixel * c : prev);
  });
  return n;
}

/**
 * The number of trainable scalars the worker's model for `config` will have, known before
 * TensorFlow.js loads. MLP: encoder D → hidden… → 2·latent (mu and log-variance), decoder
 * latent → hidden reversed… → P·D, P being the likelihood's parameters per pixel.
 */
export function paramCount(
  config: ExperimentConfig,
  shape: ImageShape = [28, 28, 1],
  paramsPerPixel: number = perPixelOf(config),
): number {
  const L = config.latentDim;
  if (config.architecture === 'conv') return convCount(shape, config.convChannels, L, paramsPerPixel);
  const D = shape[0] * shape[1] * shape[2];
  const hidden = config.hidden;
  return denseChain([D, ...hidden, 2 * L]) + denseChain([L, ...[...hidden].reverse(), paramsPerPixel * D]);
}
