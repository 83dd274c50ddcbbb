import * as tf from '../tf';
import { clampUnit, paramBlocks, softplus } from './common';
import { lgamma, logGammaSample } from './special';
import { betaMeta } from './beta.meta';
import type { Likelihood } from './types';

/**
 * Smallest α and β: softplus alone can reach 0 (in float32), where lgamma and the density's
 * exponents break down.
 */
export const BETA_MIN_PARAM = 1e-3;

/** α = softplus(out₀) + ε, β = softplus(out₁) + ε. */
function shapes(params: tf.Tensor2D): { a: tf.Tensor2D; b: tf.Tensor2D } {
  const [p, q] = paramBlocks(params, 2);
  return {
    a: tf.add(softplus(p), BETA_MIN_PARAM) as tf.Tensor2D,
    b: tf.add(softplus(q), BETA_MIN_PARAM) as tf.Tensor2D,
  };
}

/**
 * Beta(x; α, β) per pixel. x is clamped into [UNIT_EPS, 1 − UNIT_EPS] first: MNIST has exact
 * 0s and 1s, where log x or log(1 − x) is −∞ (and the density 0 or ∞). The clamp makes the
 * maximum attainable log-density finite, but a Beta on MNIST still rewards piling mass at
 * the clamp — one reason its nELBO is not comparable with the discrete models'.
 */
export const beta: Likelihood = {
  id: betaMeta.id,
  name: betaMeta.id,
  label: 'Beta',
  paramsPerPixel: 2,
  discrete: !betaMeta.density,
  logProb(x, params) {
    return tf.tidy(() => {
      const { a, b } = shapes(params);
      const xc = clampUnit(x);
      const logB = tf.sub(tf.add(lgamma(a), lgamma(b)), lgamma(tf.add(a, b)));
      const body = tf.add(tf.mul(tf.sub(a, 1), tf.log(xc)), tf.mul(tf.sub(b, 1), tf.log1p(tf.neg(xc))));
      return tf.sum(tf.sub(body, logB), 1) as tf.Tensor1D;
    });
  },
  mean(params) {
    return tf.tidy(() => {
      const { a, b } = shapes(params);
      return tf.div(a, tf.add(a, b)) as tf.Tensor2D;
    });
  },
  sample(params, seed) {
    return tf.tidy(() => {
      const { a, b } = shapes(params);
      // Ga / (Ga + Gb) = sigmoid(log Ga − log Gb): no 0/0 when both draws underflow.
      const ga = logGammaSample(a, `beta/${seed}/a`);
      const gb = logGammaSample(b, `beta/${seed}/b`);
      return tf.sigmoid(tf.sub(ga, gb)) as tf.Tensor2D;
    });
  },
};
