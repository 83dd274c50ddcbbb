import * as tf from '../tf';
import type { Handler } from './types';

const CHUNK = 500;

/** Posterior means of the first `limit` images of a split, in chunks so training and cancel interleave. */
export const encode: Handler<'encode'> = async (req, ctx) => {
  const { session } = ctx;
  const split = session.data[req.split];
  const count = Math.max(0, Math.min(req.limit, split.count));
  const dim = session.model.latentDim;
  const means = new Float32Array(count * dim);
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const mu = tf.tidy(() => session.model.encode(session.images(req.split, start, n)).mu);
    try {
      means.set(await mu.data(), start * dim);
    } finally {
      mu.dispose();
    }
    ctx.progress('Encoding images', start + n, count);
    await ctx.checkpoint();
  }
  const labels = split.labels.slice(0, count);
  return { result: { kind: 'encode', means, labels, count, dim }, transfer: [means.buffer, labels.buffer] };
};
