import * as tf from '../tf';
import { boundedLogvar, clampUnit, gaussianLogDensity, blend, maskBelow, normal, paramBlocks } from './common';
import { gaussHermite } from './special';
import { logitNormalMeta } from './logit-normal.meta';
import type { Likelihood } from './types';

/**
 * E[sigmoid(μ + σZ)] has no closed form. Two regimes, each accurate to ~1e-4 or better for any
 * μ (checked against a fine double-precision integral in the test):
 * σ ≤ 4.75: 48-node Gauss–Hermite (error < 1e-8 for σ ≤ 2, ≤ 1e-4 at 4.75). It degrades beyond,
 * where the integrand becomes a step on the nodes' scale (1e-2 at σ = 10).
 * σ > 4.75: sigmoid = step + odd remainder g, so E = Φ(r) − 2φ(r)·Σ_{k=1,3,5} η(k+1)·He_k(r)/σ^(k+1),
 * r = μ/σ, η the Dirichlet eta (∫g(v)vᵏdv = −2·k!·η(k+1)) — asymptotic, error < 1e-4 there.
 */
const GH = gaussHermite(48);
const GH_NODES = GH.nodes.map((t) => Math.SQRT2 * t);
const GH_WEIGHTS = GH.weights.map((w) => w / Math.sqrt(Math.PI));
const SWITCH_SD = 4.75;
const ETA = [Math.PI ** 2 / 12, (7 * Math.PI ** 4) / 720, (31 * Math.PI ** 6) / 30240];

function meanQuadrature(mu: tf.Tensor, sd: tf.Tensor): tf.Tensor {
  const at = tf.add(tf.expandDims(mu, -1), tf.mul(tf.expandDims(sd, -1), tf.tensor1d(GH_NODES)));
  return tf.sum(tf.mul(tf.sigmoid(at), tf.tensor1d(GH_WEIGHTS)), -1);
}

function meanAsymptotic(mu: tf.Tensor, sd: tf.Tensor): tf.Tensor {
  const r = tf.div(mu, sd);
  const r2 = tf.square(r);
  const s2 = tf.reciprocal(tf.square(sd));
  const he1 = r;
  const he3 = tf.mul(r, tf.sub(r2, 3));
  const he5 = tf.mul(r, tf.add(tf.mul(r2, tf.sub(r2, 10)), 15));
  const series = tf.mul(s2, tf.add(tf.mul(he1, ETA[0]), tf.mul(s2, tf.add(tf.mul(he3, ETA[1]), tf.mul(s2, tf.mul(he5, ETA[2]))))));
  const pdf = tf.mul(tf.exp(tf.mul(r2, -0.5)), 1 / Math.sqrt(2 * Math.PI));
  const cdf = tf.mul(tf.add(tf.erf(tf.mul(r, Math.SQRT1_2)), 1), 0.5);
  return tf.clipByValue(tf.sub(cdf, tf.mul(tf.mul(pdf, series), 2)), 0, 1);
}

/** Parameter 0: μ of logit(x); parameter 1: raw log σ², floored like gaussian-learned's. */
function split(params: tf.Tensor2D): { mu: tf.Tensor2D; logvar: tf.Tensor2D } {
  const [m, v] = paramBlocks(params, 2);
  return { mu: m, logvar: boundedLogvar(v) };
}

/**
 * Density of x ∈ (0, 1) whose logit is N(μ, σ²):
 * log p(x) = log N(logit x; μ, σ²) − log x − log(1 − x)   (the Jacobian of the logit).
 * x is clamped into [UNIT_EPS, 1 − UNIT_EPS] (logit ∈ ±6.9): exact 0s and 1s have logit ∓∞.
 */
export const logitNormal: Likelihood = {
  id: logitNormalMeta.id,
  name: logitNormalMeta.id,
  label: 'Logit-normal',
  paramsPerPixel: 2,
  discrete: !logitNormalMeta.density,
  logProb(x, params) {
    return tf.tidy(() => {
      const { mu, logvar } = split(params);
      const xc = clampUnit(x);
      const logX = tf.log(xc);
      const log1mX = tf.log1p(tf.neg(xc));
      const inner = gaussianLogDensity(tf.sub(logX, log1mX), mu, logvar);
      return tf.sum(tf.sub(inner, tf.add(logX, log1mX)), 1) as tf.Tensor1D;
    });
  },
  mean(params) {
    return tf.tidy(() => {
      const { mu, logvar } = split(params);
      const sd = tf.exp(tf.mul(logvar, 0.5));
      // Each regime sees a harmless stand-in σ where the other one is used.
      const m = maskBelow(sd, SWITCH_SD);
      const narrow = meanQuadrature(mu, tf.minimum(sd, SWITCH_SD));
      return blend(m, narrow, meanAsymptotic(mu, tf.maximum(sd, SWITCH_SD))) as tf.Tensor2D;
    });
  },
  sample(params, seed) {
    return tf.tidy(() => {
      const { mu, logvar } = split(params);
      const eps = normal(mu.shape, `logit-normal/${seed}`);
      return tf.sigmoid(tf.add(mu, tf.mul(eps, tf.exp(tf.mul(logvar, 0.5))))) as tf.Tensor2D;
    });
  },
};
