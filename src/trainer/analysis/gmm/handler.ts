import * as tf from '../../tf';
import type { ImageGridPayload } from '../../../protocol';
import { streamSeed } from '../../random';
import { encode } from '../encode';
import { checkInt, checkOneOf, checkRange } from '../statsChecks';
import type { AnalysisContext, Handler } from '../types';
import { fitGmm } from './em';
import { nmi } from './nmi';
import { avgPool, upsampleToBytes } from './pixels';
import { seededRng } from './random';
import { sampleGmm } from './sample';

const GRID = 100;
const STREAM_PRIOR_GRID = 31;
/**
 * Floor on every variance. Latent means are O(1); pixels sit on a 1/255 grid and many are always 0,
 * where a GMM would otherwise shrink a variance to nothing.
 */
const REG = { latent: 1e-6, pixels: 1e-4 };

/**
 * Fits a Gaussian mixture by EM to the latent means of training images, or to their pixels
 * average-pooled, then shows 100 samples from it and scores its clusters against the labels.
 */
export const gmm: Handler<'gmm'> = async (req, ctx) => {
  const t0 = performance.now();
  const { session } = ctx;
  checkOneOf('gmm.source', req.source, ['latent', 'pixels'] as const);
  checkOneOf('gmm.covariance', req.covariance, ['diag', 'full'] as const);
  checkInt('gmm.components', req.components, 1, 100);
  checkInt('gmm.limit', req.limit, req.components, 60_000);
  checkInt('gmm.maxIter', req.maxIter, 1, 10_000);
  checkRange('gmm.tol', req.tol, 0, 1e6);
  if (req.source === 'pixels') checkInt('gmm.pool', req.pool, 1, 16);

  const data = req.source === 'latent' ? await latentData(req.limit, ctx) : pixelData(req.limit, req.pool, ctx);
  const { x, n, d, labels } = data;
  const fit = await fitGmm(
    x,
    n,
    d,
    { components: req.components, covariance: req.covariance, tol: req.tol, maxIter: req.maxIter, seed: req.seed, reg: REG[req.source] },
    {
      iteration: (iteration, logLikelihood) => {
        ctx.partial?.({ kind: 'gmm', iteration, logLikelihood });
        ctx.progress(`EM iteration ${iteration}`, iteration, req.maxIter);
      },
      checkpoint: () => ctx.checkpoint(),
    },
  );
  const drawn = sampleGmm(fit.gmm, GRID, seededRng(req.seed + 1));
  let samples: ImageGridPayload;
  let prior: ImageGridPayload | null = null;
  if (req.source === 'latent') {
    samples = await decodeGrid(tf.tensor2d(Float32Array.from(drawn.x), [GRID, d]), ctx);
    prior = await decodeGrid(tf.randomNormal([GRID, d], 0, 1, 'float32', streamSeed(req.seed, STREAM_PRIOR_GRID, 0)), ctx);
  } else {
    const [h, w, c] = data.pooledShape!;
    const pixels = upsampleToBytes(drawn.x, GRID, [h, w, c], req.pool);
    samples = { count: GRID, cols: 10, width: w * req.pool, height: h * req.pool, channels: c as 1 | 3, pixels };
  }
  const logLikelihood = Float64Array.from(fit.logLikelihood);
  const weights = fit.gmm.weights;
  const result = {
    kind: 'gmm' as const,
    source: req.source,
    count: n,
    dim: d,
    logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    nmi: nmi(fit.labels, labels),
    weights,
    samples,
    prior,
    objective: session.parts.objective.id,
    seconds: (performance.now() - t0) / 1000,
  };
  const transfer: Transferable[] = [logLikelihood.buffer, weights.buffer, samples.pixels.buffer];
  if (prior) transfer.push(prior.pixels.buffer);
  return { result, transfer };
};

async function latentData(limit: number, ctx: AnalysisContext) {
  const { result } = await encode({ kind: 'encode', split: 'train', limit }, ctx);
  return { x: Float64Array.from(result.means), n: result.count, d: result.dim, labels: result.labels, pooledShape: null };
}

function pixelData(limit: number, pool: number, ctx: AnalysisContext) {
  const { data } = ctx.session;
  const n = Math.min(limit, data.train.count);
  const per = data.shape[0] * data.shape[1] * data.shape[2];
  const { x, shape } = avgPool(data.train.images.subarray(0, n * per), n, data.shape, pool);
  return { x, n, d: shape[0] * shape[1] * shape[2], labels: data.train.labels.subarray(0, n), pooledShape: shape };
}

/** Decoder means for the latents z (consumed), as a 10-column grid. */
async function decodeGrid(z: tf.Tensor2D, ctx: AnalysisContext): Promise<ImageGridPayload> {
  const { session } = ctx;
  const t = tf.tidy(() => tf.mul(tf.clipByValue(session.parts.likelihood.mean(session.model.decode(z)), 0, 1), 255));
  z.dispose();
  let values: Float32Array;
  try {
    values = (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
  const [height, width, channels] = session.data.shape;
  return { count: z.shape[0], cols: 10, width, height, channels: channels as 1 | 3, pixels: Uint8ClampedArray.from(values) };
}
