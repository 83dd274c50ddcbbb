import type { Handler } from '../types';
import { ACTIVE_THRESHOLD, activeUnits, klPerDimension, meanActivity } from './activity';
import { checkInt } from './common';
import { encodeTestSplit } from './encodeTestSplit';
import { columnMeans, shareOfSquares, singularValues } from './linalg';

/**
 * How much of the latent space the model uses: KL per dimension (seed 001, Fig. 3), active units
 * by Burda et al.'s criterion, and the singular values of the centred means matrix (seed 004, Fig. 4).
 */
export const collapse: Handler<'collapse'> = async (req, ctx) => {
  const limit = checkInt('Image count', req.limit, 2, 10_000);
  const { mu, logvar, count } = await encodeTestSplit(ctx, limit, true);
  const d = ctx.session.model.latentDim;
  const activity = meanActivity(mu, count, d);
  const sv = singularValues(mu, count, d, columnMeans(mu, count, d));
  const result = {
    kind: 'collapse' as const,
    count,
    dim: d,
    klPerDim: Float32Array.from(klPerDimension(mu, logvar!, count, d)),
    activity: Float32Array.from(activity),
    activeUnits: activeUnits(activity),
    threshold: ACTIVE_THRESHOLD,
    singularValues: Float32Array.from(sv),
    explained: Float32Array.from(shareOfSquares(sv)),
  };
  return { result, transfer: [result.klPerDim.buffer, result.activity.buffer, result.singularValues.buffer, result.explained.buffer] };
};
