import * as tf from '../tf';

/** Squared Euclidean distances between rows, [n, m]; clamped at 0 against rounding. */
function sqDistances(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const aa = tf.sum(tf.square(a), 1, true);
  const bb = tf.transpose(tf.sum(tf.square(b), 1, true));
  return tf.relu(tf.sub(tf.add(aa, bb), tf.mul(tf.matMul(a, b, false, true), 2))) as tf.Tensor2D;
}

/** Mean of an [r, c] kernel matrix, excluding its diagonal when asked (needs r = c ≥ 2). */
function kernelMean(k: tf.Tensor2D, offDiagonal: boolean): tf.Tensor {
  if (!offDiagonal) return tf.mean(k);
  const n = k.shape[0];
  // Masked rather than "minus n": in float32 the diagonal distances are only ≈ 0.
  return tf.div(tf.sum(tf.mul(k, tf.sub(1, tf.eye(n)))), n * (n - 1));
}

/**
 * MMD² between the samples a [n, d] and b [m, d] under the RBF kernel
 * k(a, b) = exp(−‖a − b‖² / (2·bandwidth²)).
 *
 * Default: the biased (V-statistic) estimate, mean(Kaa) + mean(Kbb) − 2·mean(Kab), as in
 * InfoVAE's reference code: always ≥ 0 and exactly 0 when a and b are the same set, so it
 * can be shown as a distance. `unbiased: true` gives the U-statistic instead (diagonals of
 * Kaa and Kbb left out): zero in expectation for two samples of one distribution, but it can
 * go negative. The bandwidth defaults to √d: for N(0, I) samples E‖a − b‖² = 2d, so the
 * kernel is then at its most sensitive for prior-like codes whatever the latent size.
 */
export function mmdRbf(a: tf.Tensor2D, b: tf.Tensor2D, bandwidth?: number, unbiased = false): tf.Scalar {
  const d = a.shape[1];
  const h = bandwidth ?? Math.sqrt(d);
  if (!(h > 0)) throw new Error(`mmd bandwidth must be positive, got ${h}`);
  if (b.shape[1] !== d) throw new Error(`mmd: sample widths differ (${d} vs ${b.shape[1]})`);
  if (unbiased && (a.shape[0] < 2 || b.shape[0] < 2)) throw new Error('mmd: the unbiased estimate needs 2+ samples per set');
  return tf.tidy(() => {
    const kernel = (p: tf.Tensor2D, q: tf.Tensor2D) => tf.exp(tf.mul(sqDistances(p, q), -1 / (2 * h * h))) as tf.Tensor2D;
    const kaa = kernelMean(kernel(a, a), unbiased);
    const kbb = kernelMean(kernel(b, b), unbiased);
    const kab = tf.mean(kernel(a, b));
    return tf.sub(tf.add(kaa, kbb), tf.mul(kab, 2)) as tf.Scalar;
  });
}

/**
 * KL(N(mu, e^logvar) ‖ N(0, 1)) per latent dimension, averaged over the batch: [d].
 * Sums to the batch-mean KL per image; dimensions near 0 are "collapsed" (unused).
 * The gradient is written out (∂/∂mu = mu/n, ∂/∂logvar = (e^logvar − 1)/2n, times dy): tfjs's
 * own, op by op, took ~25 small kernels of a ~130-kernel MLP step, each a few µs of dispatch.
 */
export function klPerDim(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Tensor1D {
  const n = mu.shape[0];
  // The inputs are listed so the tape links them; the forward reads them from the closure.
  const op = tf.customGrad((_mu, _logvar, save) => {
    const e = tf.exp(logvar);
    const inner = tf.sub(tf.add(logvar, 1), tf.add(tf.square(mu), e));
    (save as tf.GradSaveFunc)([mu, e]);
    return {
      value: tf.mul(tf.mean(inner, 0), -0.5) as tf.Tensor1D,
      gradFunc: (dy: tf.Tensor, [ms, es]: tf.Tensor[]) => {
        const g = tf.div(dy, n);
        return [tf.mul(ms, g), tf.mul(tf.sub(es, 1), tf.mul(g, 0.5))];
      },
    };
  });
  return op(mu, logvar) as tf.Tensor1D;
}
