import * as tf from '../../tf';
import { streamSeed } from '../../random';
import { decodeMeans, evalElbo, readOwned } from './completionParts';
import { drawEps, LatentFit } from './latentFit';
import { pickTestIndices, testPixels } from './testImages';
import type { Handler } from '../types';

const STREAM_INIT = 21;
const STREAM_STEP = 22;
const STREAM_EVAL = 23;
const SLICE_MS = 20;
const MAX_IMAGES = 100;

/**
 * The amortization gap (seed 003, task 4a): for random test images, the ELBO with the encoder's
 * q(z|x) against the ELBO with a q(z|Ψ) fitted to each image by Adam (decoder frozen). Both are
 * scored with the same Monte Carlo draws, so their difference is not blurred by sampling noise.
 */
export const amortizationGap: Handler<'amortizationGap'> = async (req, ctx) => {
  const { session } = ctx;
  const parts = session.parts;
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`amortizationGap.${name}: ${v} is not an integer in [${lo}, ${hi}]`);
  };
  int('count', req.count, 1, MAX_IMAGES);
  int('steps', req.steps, 1, 20_000);
  int('mcSamples', req.mcSamples, 1, 256);
  if (!(req.learningRate > 0 && req.learningRate <= 10)) throw new Error(`amortizationGap.learningRate: ${req.learningRate} is not in (0, 10]`);

  const d = session.inputDim;
  const k = parts.model.latentDim;
  const indices = pickTestIndices(session, req.count, req.seed);
  const b = indices.length;
  const pixels = testPixels(session, indices);
  const x = tf.tensor2d(pixels, [b, d]);
  const ones = tf.ones<tf.Rank.R2>([1, d]);
  const enc = tf.tidy(() => parts.model.encode(x));
  const init =
    req.init === 'encoder'
      ? enc
      : tf.tidy(() => ({ mu: tf.randomNormal<tf.Rank.R2>([b, k], 0, 1, 'float32', streamSeed(req.seed, STREAM_INIT, 0)), logvar: tf.zeros<tf.Rank.R2>([b, k]) }));
  const fit = new LatentFit(init, req.learningRate);
  try {
    let sliceStart = performance.now();
    for (let step = 0; step < req.steps; step++) {
      const eps = drawEps(req.mcSamples, b, k, streamSeed(req.seed, STREAM_STEP, step));
      let elbo: tf.Tensor1D;
      try {
        elbo = fit.step(parts, x, ones, eps);
      } finally {
        eps.dispose();
      }
      if (step === req.steps - 1 || performance.now() - sliceStart >= SLICE_MS) {
        // An awaited read of the slice's last step: the slice's work is done before more is queued
        // (GPU backends queue far faster than they run), and nothing is read synchronously.
        await readOwned(elbo);
        ctx.progress(`Fitting q(z|Ψ) to ${b} test images`, step + 1, req.steps);
        await ctx.checkpoint();
        sliceStart = performance.now();
      } else elbo.dispose();
    }
    const evalSeed = streamSeed(req.seed, STREAM_EVAL, 0);
    const encoder = await evalElbo(parts, x, ones, enc.mu, enc.logvar, evalSeed);
    const optimized = await evalElbo(parts, x, ones, fit.mu, fit.logvar, evalSeed);
    const recEnc = await decodeMeans(parts, enc.mu);
    const recOpt = await decodeMeans(parts, fit.mu);
    const images = new Float32Array(3 * b * d);
    for (let i = 0; i < b; i++) {
      images.set(pixels.subarray(i * d, (i + 1) * d), 3 * i * d);
      images.set(recEnc.subarray(i * d, (i + 1) * d), (3 * i + 1) * d);
      images.set(recOpt.subarray(i * d, (i + 1) * d), (3 * i + 2) * d);
    }
    const labels = Uint8Array.from(indices, (i) => session.data.test.labels[i]);
    const idx = Int32Array.from(indices);
    return {
      result: { kind: 'amortizationGap', count: b, indices: idx, labels, encoder, optimized, images, shape: session.data.shape },
      transfer: [idx.buffer, labels.buffer, encoder.buffer, optimized.buffer, images.buffer],
    };
  } finally {
    fit.dispose();
    tf.dispose([x, ones, enc.mu, enc.logvar, init.mu, init.logvar]);
  }
};
