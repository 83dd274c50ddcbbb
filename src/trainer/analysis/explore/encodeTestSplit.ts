import * as tf from '../../tf';
import type { AnalysisContext } from '../types';

const CHUNK = 500;

/**
 * μ (and log σ² when asked) of the first `limit` test images, [count, d] each, in chunks with
 * progress, yielding between them so training and cancel interleave.
 */
export async function encodeTestSplit(ctx: AnalysisContext, limit: number, withLogvar: boolean): Promise<{ mu: Float32Array; logvar: Float32Array | null; count: number }> {
  const { session } = ctx;
  const count = Math.min(limit, session.data.test.count);
  const d = session.model.latentDim;
  const mu = new Float32Array(count * d);
  const logvar = withLogvar ? new Float32Array(count * d) : null;
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const out = tf.tidy(() => {
      const q = session.model.encode(session.images('test', start, n));
      return withLogvar ? [q.mu, q.logvar] : [q.mu];
    });
    try {
      mu.set(await out[0].data(), start * d);
      if (logvar) logvar.set(await out[1].data(), start * d);
    } finally {
      tf.dispose(out);
    }
    ctx.progress('Encoding test images', start + n, count);
    await ctx.checkpoint();
  }
  return { mu, logvar, count };
}
