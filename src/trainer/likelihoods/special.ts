import * as tf from '../tf';
import { normal, uniform } from './common';

/**
 * Lanczos coefficients (g = 5, six terms; Numerical Recipes' gammln): relative error < 2e-10
 * for z > 0 in exact arithmetic. Chosen over the usual g = 7 / nine-term set because its
 * coefficients are ~10× smaller, so the alternating sum cancels less in float32.
 */
const LANCZOS = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
const SQRT_2PI = 2.5066282746310005;

/**
 * log Γ(z) for z > 0, elementwise, from differentiable elementary ops (tfjs-core 4.22 has no
 * lgamma). Its gradient approximates digamma(z) to the same accuracy.
 */
export function lgamma(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const t = tf.add(z, 5.5);
    let ser: tf.Tensor = tf.scalar(1.000000000190015);
    LANCZOS.forEach((c, j) => {
      ser = tf.add(ser, tf.div(c, tf.add(z, j + 1)));
    });
    // (z + ½)·log(z + 5.5) − (z + 5.5) + log(√(2π)·ser / z)
    const head = tf.sub(tf.mul(tf.add(z, 0.5), tf.log(t)), t);
    return tf.add(head, tf.log(tf.div(tf.mul(ser, SQRT_2PI), z)));
  });
}

/** Proposals per element in the gamma sampler; each is accepted with probability ≥ 0.95. */
const GAMMA_ROUNDS = 5;

/**
 * log of one Gamma(alpha, 1) draw per element, for a tensor of shapes alpha > 0
 * (tf.randomGamma only takes one scalar shape). Marsaglia–Tsang for alpha + 1, vectorised as
 * a fixed number of proposals keeping the first accepted (all rejected: p < 0.05⁵ ≈ 3e-7,
 * falls back to the mode-like d), then the boost G(α) = G(α+1)·U^(1/α) — in log space,
 * because U^(1/α) underflows to 0 for small α and would turn a Beta draw into 0/0.
 */
export function logGammaSample(alpha: tf.Tensor, tag: string): tf.Tensor {
  return tf.tidy(() => {
    const d = tf.sub(tf.add(alpha, 1), 1 / 3);
    const c = tf.rsqrt(tf.mul(d, 9));
    const logD = tf.log(d);
    let out: tf.Tensor = logD;
    for (let r = GAMMA_ROUNDS - 1; r >= 0; r--) {
      const z = normal(alpha.shape, `${tag}/z${r}`);
      const u = uniform(alpha.shape, `${tag}/u${r}`);
      const v = tf.pow(tf.add(tf.mul(c, z), 1), 3);
      const logV = tf.log(tf.maximum(v, 1e-30));
      const bound = tf.add(tf.mul(tf.square(z), 0.5), tf.mul(d, tf.add(tf.sub(1, v), logV)));
      const accept = tf.logicalAnd(tf.greater(v, 0), tf.less(tf.log(u), bound));
      out = tf.where(accept, tf.add(logD, logV), out);
    }
    const boost = tf.log(tf.maximum(uniform(alpha.shape, `${tag}/boost`), 1e-12));
    return tf.add(out, tf.div(boost, alpha));
  });
}

/**
 * Gauss–Hermite rule for ∫ e^(−t²) f(t) dt (Golub–Welsch-free Newton iteration on the
 * normalised Hermite recurrence, as in Numerical Recipes' gauher). Computed in double once.
 */
export function gaussHermite(n: number): { nodes: number[]; weights: number[] } {
  const nodes = new Array<number>(n).fill(0);
  const weights = new Array<number>(n).fill(0);
  const PIM4 = Math.pow(Math.PI, -0.25);
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * nodes[0];
    else if (i === 3) z = 1.91 * z - 0.91 * nodes[1];
    else z = 2 * z - nodes[i - 2];
    let pp = 1;
    for (let it = 0; it < 100; it++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const step = p1 / pp;
      z -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    nodes[i] = z;
    nodes[n - 1 - i] = -z;
    weights[i] = weights[n - 1 - i] = 2 / (pp * pp);
  }
  return { nodes, weights };
}
