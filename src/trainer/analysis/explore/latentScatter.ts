import type { LatentPlane } from '../../../protocol';
import type { Handler } from '../types';
import { checkInt } from './common';
import { encodeTestSplit } from './encodeTestSplit';
import { pca, project } from './pca';
import { columnMeans, scatterMatrix } from './linalg';

/** Shares of the total variance along the first two latent axes, for a 2-D latent shown as is. */
export function latentShares(means: Float32Array, n: number, d: number): Float32Array {
  const cov = scatterMatrix(means, n, d, columnMeans(means, n, d), Math.max(1, n));
  let total = 0;
  for (let i = 0; i < d; i++) total += cov[i * d + i];
  return Float32Array.from([0, 1], (i) => (total > 0 ? cov[i * d + i] / total : 0));
}

/**
 * Posterior means of the first `limit` test images in a plane the page can plot: the latent itself
 * when d = 2, else the first two principal axes of the means (kept pointing the way `previousAxes`
 * did, so a refreshed plot does not flip). The plane comes along so a clicked spot maps back to z.
 */
export const latentScatter: Handler<'latentScatter'> = async (req, ctx) => {
  const { session } = ctx;
  const limit = checkInt('Point count', req.limit, 1, 10_000);
  const d = session.model.latentDim;
  const { mu, count } = await encodeTestSplit(ctx, limit, false);
  let points: Float32Array;
  let plane: LatentPlane;
  if (d <= 2) {
    points = new Float32Array(count * 2);
    for (let r = 0; r < count; r++) for (let j = 0; j < d; j++) points[r * 2 + j] = mu[r * d + j];
    plane = { axes: 'latent', mean: new Float32Array(d), components: Float32Array.from({ length: 2 * d }, (_, k) => (k % (d + 1) === 0 ? 1 : 0)), explained: latentShares(mu, count, d) };
  } else {
    ctx.progress('Principal axes of the means', 0, 1);
    const p = pca(mu, count, d, 2, req.previousAxes);
    points = project(mu, count, d, p, 2);
    plane = { axes: 'pca', mean: Float32Array.from(p.mean), components: Float32Array.from(p.components), explained: Float32Array.from(p.explained) };
  }
  const labels = session.data.test.labels.slice(0, count);
  return {
    result: { kind: 'latentScatter', points, labels, count, dim: d, plane },
    transfer: [points.buffer, labels.buffer, plane.mean.buffer, plane.components.buffer, plane.explained.buffer],
  };
};
