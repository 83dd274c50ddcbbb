import * as tf from '../../tf';
import type { CompletionRequest, CompletionResult } from '../../../protocol';
import type { ModelParts } from '../../model/loss';
import { streamSeed } from '../../random';
import { composite, decodeMeans, evalElbo, filledImage, readOwned, sampleMeans, trainMean, validateCompletion } from './completionParts';
import { drawEps, LatentFit } from './latentFit';
import type { AnalysisContext, Handler } from '../types';

const STREAM_INIT = 11;
const STREAM_STEP = 12;
const STREAM_SAMPLES = 13;
const STREAM_EVAL = 14;
/** How often the page gets a snapshot, and how long the worker computes before it yields. */
const SNAPSHOT_MS = 100;
const SLICE_MS = 20;

/**
 * Completes one image two ways (seed 003, task 4b). amortized: the encoder's q(z|x̃) for the image
 * x̃ with its unknown pixels filled in. optimize: encoder-free, q(z|Ψ) fitted by Adam to the ELBO of
 * the observed pixels alone, decoder frozen, streaming its curve and completion as it goes.
 * Either way the unknown pixels come from the decoder mean at the mean of q.
 */
export const complete: Handler<'complete'> = async (req, ctx) => {
  const { session } = ctx;
  const parts = session.parts;
  const d = session.inputDim;
  validateCompletion(req, d);
  const observed = req.mask.reduce((n, m) => n + (m ? 1 : 0), 0);
  const filled = filledImage(req.pixels, req.mask, req.fill === 'mean' ? trainMean(session) : null);
  const x = tf.tensor2d(filledImage(req.pixels, req.mask, null), [1, d]);
  const mask = tf.tensor2d(Float32Array.from(req.mask, (m) => (m ? 1 : 0)), [1, d]);
  const q = initialQ(parts, req, filled);
  let fit: LatentFit | null = null;
  try {
    let curve: Float32Array = new Float32Array();
    let mu = q.mu;
    let logvar = q.logvar;
    if (req.method === 'optimize') {
      fit = new LatentFit(q, req.learningRate);
      curve = await optimize(fit, parts, x, mask, req, ctx);
      mu = fit.mu;
      logvar = fit.logvar;
    }
    const decoded = await decodeMeans(parts, mu);
    const samples = await sampleMeans(parts, mu, logvar, req.samples, streamSeed(req.seed, STREAM_SAMPLES, 0));
    for (let i = 0; i < req.samples; i++) samples.set(composite(req.pixels, req.mask, samples.subarray(i * d, (i + 1) * d)), i * d);
    const elbo = (await evalElbo(parts, x, mask, mu, logvar, streamSeed(req.seed, STREAM_EVAL, 0)))[0];
    const result: CompletionResult = {
      completion: composite(req.pixels, req.mask, decoded),
      decoded,
      samples,
      sampleCount: req.samples,
      elbo,
      curve,
      observed,
      shape: session.data.shape,
    };
    const transfer = [result.completion.buffer, decoded.buffer, samples.buffer, curve.buffer];
    return { result: { kind: 'complete', ...result }, transfer };
  } finally {
    fit?.dispose();
    tf.dispose([x, mask, q.mu, q.logvar]);
  }
};

/** The encoder's q for the filled image, or for 'optimize' from 'random', a prior draw with unit variance. */
function initialQ(parts: ModelParts, req: CompletionRequest, filled: Float32Array): { mu: tf.Tensor2D; logvar: tf.Tensor2D } {
  if (req.method === 'amortized' || req.init === 'encoder') {
    return tf.tidy(() => parts.model.encode(tf.tensor2d(filled, [1, filled.length])));
  }
  const k = parts.model.latentDim;
  return tf.tidy(() => ({
    mu: tf.randomNormal<tf.Rank.R2>([1, k], 0, 1, 'float32', streamSeed(req.seed, STREAM_INIT, 0)),
    logvar: tf.zeros<tf.Rank.R2>([1, k]),
  }));
}

/**
 * Runs the Adam steps, yielding every SLICE_MS and sending a snapshot every SNAPSHOT_MS. The curve's
 * values stay on the device until a snapshot, which reads them all in one awaited transfer.
 */
async function optimize(fit: LatentFit, parts: ModelParts, x: tf.Tensor2D, mask: tf.Tensor2D, req: CompletionRequest, ctx: AnalysisContext): Promise<Float32Array> {
  const curve = new Float32Array(req.steps);
  const k = parts.model.latentDim;
  const unread: tf.Tensor1D[] = [];
  let sent = 0;
  let lastSnapshot = performance.now();
  let sliceStart = lastSnapshot;
  try {
    for (let step = 0; step < req.steps; step++) {
      const eps = drawEps(req.mcSamples, 1, k, streamSeed(req.seed, STREAM_STEP, step));
      try {
        unread.push(fit.step(parts, x, mask, eps));
      } finally {
        eps.dispose();
      }
      const now = performance.now();
      const last = step === req.steps - 1;
      if (last || now - lastSnapshot >= SNAPSHOT_MS) {
        const batch = unread.splice(0);
        const all = tf.concat(batch);
        tf.dispose(batch);
        curve.set(await readOwned(all), sent);
        const completion = composite(req.pixels, req.mask, await decodeMeans(parts, fit.mu));
        const elbo = curve.slice(sent, step + 1);
        ctx.partial?.({ kind: 'complete', step: step + 1, steps: req.steps, elbo, completion }, [elbo.buffer, completion.buffer]);
        ctx.progress('Fitting q(z|Ψ) to the observed pixels', step + 1, req.steps);
        sent = step + 1;
        lastSnapshot = now;
      }
      if (last || now - sliceStart >= SLICE_MS) {
        await ctx.checkpoint();
        sliceStart = performance.now();
      }
    }
  } finally {
    tf.dispose(unread);
  }
  return curve;
}
