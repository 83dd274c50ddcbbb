import * as tf from '../tf';

/** log(2π), for Gaussian normalising constants. */
export const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Lower bound on a learned log-variance: σ² ≥ 1e-4, i.e. σ ≥ 0.01 (≈ 2.5 grey levels out of
 * 255). Without it the model shrinks σ → 0 on pixels it predicts exactly (MNIST's black
 * background), the log-density diverges and the step turns into NaN (seed report 004).
 * With it a Gaussian pixel can earn at most −½log(2π·1e-4) ≈ 3.69 nats.
 */
export const LOGVAR_FLOOR = Math.log(1e-4);

/**
 * How far x is kept from 0 and 1 where a density is singular or undefined at the ends
 * (Beta, logit-normal). MNIST has exact 0s and 1s; 1e-3 stays below the first grey level
 * 1/255 ≈ 0.0039, so distinct data values stay distinct after clamping.
 */
export const UNIT_EPS = 1e-3;

/** D, the pixels per image, from a decoder output of `count` parameters per pixel. */
export function pixelCount(params: tf.Tensor2D, count: number): number {
  const width = params.shape[1];
  if (width % count !== 0) {
    throw new Error(`decoder output width ${width} is not a multiple of paramsPerPixel ${count}`);
  }
  return width / count;
}

/** Parameter blocks of the decoder output, in order: params[:, k·D:(k+1)·D] (see types.ts). */
export function paramBlocks(params: tf.Tensor2D, count: number): tf.Tensor2D[] {
  pixelCount(params, count);
  return count === 1 ? [params] : tf.split<tf.Tensor2D>(params, count, 1);
}

/**
 * softplus(l) = log(1 + eˡ), stable for any l, with the exact gradient sigmoid(l).
 * The custom gradient matters: relu(l) + log1p(e^−|l|) alone has derivative 0 at l = 0
 * (relu' and |·|' are both taken as 0 there) instead of ½ — and a decoder with zeroed output
 * weights produces exactly l = 0 on its first step.
 */
export const softplus: (l: tf.Tensor) => tf.Tensor = tf.customGrad((l, save) => {
  const t = l as tf.Tensor;
  (save as tf.GradSaveFunc)([t]);
  return {
    value: tf.add(tf.relu(t), tf.log1p(tf.exp(tf.neg(tf.abs(t))))),
    gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.sigmoid(s)),
  };
});

/**
 * Smooth lower bound: LOGVAR_FLOOR + softplus(raw − LOGVAR_FLOOR). ≈ raw well above the floor,
 * → floor below it, and unlike a clip the gradient never becomes exactly zero, so a pixel
 * pushed to the floor can still recover.
 */
export function boundedLogvar(raw: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(softplus(tf.sub(raw, LOGVAR_FLOOR)), LOGVAR_FLOOR) as tf.Tensor2D);
}

/** Elementwise log N(x; mu, e^logvar). */
export function gaussianLogDensity(x: tf.Tensor, mu: tf.Tensor, logvar: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const sq = tf.mul(tf.square(tf.sub(x, mu)), tf.exp(tf.neg(logvar)));
    return tf.mul(tf.add(tf.add(sq, logvar), LOG_2PI), -0.5);
  });
}

/**
 * 1 where a < c, else 0 (float). Branches are blended with it arithmetically rather than with
 * tf.where: a where-condition computed from a differentiated tensor makes tfjs backprop throw
 * (Less has no gradient; a bool Cast gets a null dy), while Step's gradient is simply zero.
 */
export function maskBelow(a: tf.Tensor, c: number): tf.Tensor {
  return tf.step(tf.sub(c, a));
}

/** m·near + (1 − m)·far, for a 0/1 mask m. */
export function blend(m: tf.Tensor, near: tf.Tensor, far: tf.Tensor): tf.Tensor {
  return tf.add(tf.mul(m, near), tf.mul(tf.sub(1, m), far));
}

/** x clamped into [UNIT_EPS, 1 − UNIT_EPS]. */
export function clampUnit(x: tf.Tensor2D): tf.Tensor2D {
  return tf.clipByValue(x, UNIT_EPS, 1 - UNIT_EPS);
}

/** U[0, 1) draws. String seeds, because tfjs treats the numeric seed 0 as "unseeded". */
export function uniform(shape: number[], tag: string): tf.Tensor {
  return tf.randomUniform(shape, 0, 1, 'float32', tag);
}

/** N(0, 1) draws by Box–Muller from two tagged uniform streams, so seed 0 is reproducible too. */
export function normal(shape: number[], tag: string): tf.Tensor {
  return tf.tidy(() => {
    // A float32 U can round up to exactly 1; the floor keeps log finite (|z| ≤ 5.7).
    const r = tf.sqrt(tf.mul(tf.log(tf.maximum(tf.sub(1, uniform(shape, `${tag}/r`)), 1e-7)), -2));
    return tf.mul(r, tf.cos(tf.mul(uniform(shape, `${tag}/t`), 2 * Math.PI)));
  });
}
