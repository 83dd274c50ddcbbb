import * as tf from '../../tf';
import type { TrainingSession } from '../../session';
import { filledImage, readOwned, trainMean } from '../completion/completionParts';
import { checkInt } from '../explore/common';
import { encodeTestSplit } from '../explore/encodeTestSplit';
import type { AnalysisContext, Handler } from '../types';
import { nearestLabels, toPlane } from './neighbours';

/** The test codes of one model state: re-encoded only when the weights have moved (a step) or the count changed. */
interface CodeCache {
  step: number;
  limit: number;
  mu: Float32Array;
  count: number;
}
const caches = new WeakMap<TrainingSession, CodeCache>();

async function testCodes(ctx: AnalysisContext, limit: number): Promise<CodeCache> {
  const { session } = ctx;
  const hit = caches.get(session);
  if (hit && hit.step === session.step && hit.limit === limit) return hit;
  const { mu, count } = await encodeTestSplit(ctx, limit, false);
  const fresh = { step: session.step, limit, mu, count };
  caches.set(session, fresh);
  return fresh;
}

/**
 * Where a drawing lands in latent space: the encoder's posterior mean of the image with its unknown
 * pixels filled as the amortized completion fills them, its point on the scatter's plane, and the
 * labels of its nearest test codes. Called on every stroke, so the test codes are cached per step.
 */
export const drawingCode: Handler<'drawingCode'> = async (req, ctx) => {
  const { session } = ctx;
  const D = session.inputDim;
  if (req.pixels?.length !== D) throw new Error(`drawingCode.pixels: ${req.pixels?.length} values, but the model takes ${D}`);
  if (req.mask?.length !== D) throw new Error(`drawingCode.mask: ${req.mask?.length} values, but the model takes ${D}`);
  if (req.fill !== 'zeros' && req.fill !== 'mean') throw new Error(`drawingCode.fill: "${req.fill}" is not zeros or mean`);
  const limit = checkInt('drawingCode.limit', req.limit, 1, 10_000);
  const k = checkInt('drawingCode.neighbours', req.neighbours, 1, 200);
  const d = session.model.latentDim;
  if (req.plane.mean.length !== d || req.plane.components.length !== 2 * d) {
    throw new Error(`drawingCode.plane: made for a ${req.plane.mean.length}-dimensional latent, but the model has ${d}`);
  }
  const filled = filledImage(req.pixels, req.mask, req.fill === 'mean' ? trainMean(session) : null);
  const code = await readOwned(tf.tidy(() => session.model.encode(tf.tensor2d(filled, [1, D])).mu));
  const point = req.plane.axes === 'latent' ? Float32Array.from([0, 1], (j) => (j < d ? code[j] : 0)) : toPlane(code, req.plane.mean, req.plane.components);
  const cache = await testCodes(ctx, limit);
  const labels = session.data.test.labels;
  let classes = 10;
  for (let i = 0; i < cache.count; i++) classes = Math.max(classes, labels[i] + 1);
  const { indices, shares } = nearestLabels(code, cache.mu, labels, cache.count, d, k, classes);
  return {
    result: { kind: 'drawingCode', code, point, neighbours: indices, shares, count: cache.count, dim: d },
    transfer: [code.buffer, point.buffer, indices.buffer, shares.buffer],
  };
};
