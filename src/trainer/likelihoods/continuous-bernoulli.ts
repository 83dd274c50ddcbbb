import * as tf from '../tf';
import { blend, maskBelow, softplus, uniform } from './common';
import { continuousBernoulliMeta } from './continuous-bernoulli.meta';
import type { Likelihood } from './types';

/**
 * Below this |logit| the closed forms are 0/0 at l = 0 (λ = ½) and lose digits near it, so
 * Taylor series in u = l/2 take over; at |u| < 0.25 the truncation error is < 1e-8.
 */
export const CB_TAYLOR_BELOW = 0.5;

/**
 * Evaluates `near` where |l| < CB_TAYLOR_BELOW and `far` elsewhere, feeding each branch a safe
 * stand-in (0 resp. 1) where it is not used: masks route gradients as m·g, and a NaN or ∞ from
 * the unused branch at l = 0 would otherwise leak through as 0·∞ = NaN.
 */
function branch(l: tf.Tensor, near: (l: tf.Tensor) => tf.Tensor, far: (l: tf.Tensor) => tf.Tensor): tf.Tensor {
  const m = maskBelow(tf.abs(l), CB_TAYLOR_BELOW);
  const lSmall = tf.mul(l, m);
  const lBig = blend(m, tf.onesLike(l), l);
  return blend(m, near(lSmall), far(lBig));
}

/**
 * log C(λ) of Loaiza-Ganem & Cunningham (2019) in logits: C = 2·artanh(1 − 2λ)/(1 − 2λ) = l / tanh(l/2).
 * Far: log|l| − log tanh(|l|/2), with log tanh(a) = log1p(−e^−2a) − log1p(e^−2a) (no overflow).
 * Near: log 2 + log(u·coth u) = log 2 + u²/3 − 7u⁴/90 + 62u⁶/2835 − 127u⁸/18900.
 */
export function cbLogNormaliser(l: tf.Tensor): tf.Tensor {
  return tf.tidy(() =>
    branch(
      l,
      (s) => {
        const u2 = tf.square(tf.mul(s, 0.5));
        const poly = tf.mul(u2, tf.add(1 / 3, tf.mul(u2, tf.add(-7 / 90, tf.mul(u2, tf.add(62 / 2835, tf.mul(u2, -127 / 18900)))))));
        return tf.add(poly, Math.LN2);
      },
      (b) => {
        const a = tf.abs(b);
        const e = tf.exp(tf.neg(a));
        return tf.add(tf.log(a), tf.sub(tf.log1p(e), tf.log1p(tf.neg(e))));
      },
    ),
  );
}

/**
 * Mean of CB(λ) in logits: ½ + ½·L(l/2), L(u) = coth u − 1/u (the Langevin function).
 * Near: L(u) = u/3 − u³/45 + 2u⁵/945 − u⁷/4725. Far: coth from e^−|l|, which never overflows.
 */
export function cbMean(l: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const langevin = branch(
      l,
      (s) => {
        const u = tf.mul(s, 0.5);
        const u2 = tf.square(u);
        return tf.mul(u, tf.add(1 / 3, tf.mul(u2, tf.add(-1 / 45, tf.mul(u2, tf.add(2 / 945, tf.mul(u2, -1 / 4725)))))));
      },
      (b) => {
        const e = tf.exp(tf.neg(tf.abs(b)));
        const coth = tf.mul(tf.sign(b), tf.div(tf.add(1, e), tf.sub(1, e)));
        return tf.sub(coth, tf.div(2, b));
      },
    );
    return tf.add(tf.mul(langevin, 0.5), 0.5);
  });
}

/**
 * Continuous Bernoulli: the density C(λ)·λˣ(1 − λ)¹⁻ˣ on [0, 1], the properly normalised
 * version of "Bernoulli log-likelihood on grey pixels". Parameter: the logit l of λ.
 * log p = x·l − softplus(l) + log C(l); no clamp needed, x = 0 and 1 are inside the support.
 */
export const continuousBernoulli: Likelihood = {
  id: continuousBernoulliMeta.id,
  name: continuousBernoulliMeta.id,
  label: 'Continuous Bernoulli',
  paramsPerPixel: 1,
  discrete: !continuousBernoulliMeta.density,
  logProb(x, l) {
    return tf.tidy(() => tf.sum(tf.add(tf.sub(tf.mul(x, l), softplus(l)), cbLogNormaliser(l)), 1) as tf.Tensor1D);
  },
  mean: (l) => cbMean(l) as tf.Tensor2D,
  sample(l, seed) {
    return tf.tidy(() => {
      // Inverse CDF: F⁻¹(u) = log1p(u·expm1(l))/l, evaluated with a = −|l| ≤ 0 so expm1 never
      // overflows; for l > 0 by the symmetry x(l, u) = 1 − x(−l, 1 − u).
      const u = uniform(l.shape, `continuous-bernoulli/${seed}`);
      const pos = tf.greater(l, 0);
      const v = tf.where(pos, tf.sub(1, u), u);
      const a = tf.neg(tf.abs(l));
      const tiny = tf.less(tf.abs(l), 1e-3);
      const aSafe = tf.where(tiny, tf.fill(l.shape, -1), a);
      const exact = tf.div(tf.log1p(tf.mul(v, tf.expm1(aSafe))), aSafe);
      const taylor = tf.add(v, tf.mul(a, tf.mul(tf.mul(v, tf.sub(1, v)), 0.5)));
      const y = tf.clipByValue(tf.where(tiny, taylor, exact), 0, 1);
      return tf.where(pos, tf.sub(1, y), y) as tf.Tensor2D;
    });
  },
};
