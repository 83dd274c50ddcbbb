import * as tf from '../../tf';
import type { Likelihood } from '../../likelihoods/types';
import type { VaeModel } from '../../model/vae';

/** eps ~ N(0, I) for samples [offset, offset + s) of every image of the batch: [s, B, d]. */
export type NoiseFn = (offset: number, s: number, b: number, d: number) => tf.Tensor3D;

export interface IwaeHooks {
  /** After each chunk, with the samples done for this batch (of k). */
  chunkDone?(samplesDone: number): void;
  checkpoint?(): Promise<void>;
}

/**
 * log w = log p(x|z) + log p(z) − log q(z|x) for z = μ + σ·eps, one row per sample: [s, B].
 * The −(d/2)·log 2π of both Gaussians cancels, and log q needs only eps, since
 * (z − μ)/σ = eps: log q = −½|eps|² − ½ Σ logvar.
 */
export function logWeights(model: VaeModel, likelihood: Likelihood, x: tf.Tensor2D, mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const [s, b, d] = eps.shape;
    const z3 = tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps)) as tf.Tensor3D;
    const z = tf.reshape(z3, [s * b, d]) as tf.Tensor2D;
    // Row r·B + i of the repeated batch is image i, matching z's layout. A broadcast multiply
    // rather than tf.tile, which WASM runs ~25× slower.
    const xs = tf.reshape(tf.mul(tf.ones([s, 1, 1]), x), [s * b, x.shape[1]]) as tf.Tensor2D;
    const logPx = tf.reshape(likelihood.logProb(xs, model.decode(z)), [s, b]);
    const logPz = tf.mul(tf.sum(tf.square(z3), 2), -0.5);
    const logQ = tf.sub(tf.mul(tf.sum(tf.square(eps), 2), -0.5), tf.mul(tf.sum(logvar, 1), 0.5));
    return tf.sub(tf.add(logPx, logPz), logQ) as tf.Tensor2D;
  });
}

/**
 * Per image of x ([B, D], owned by the caller): the importance-weighted bound
 * log (1/k) Σ w_i and the ELBO estimate (1/k) Σ log w_i, from the same k samples. Samples are
 * decoded `rows` at a time and folded into a running log-sum-exp, so memory does not grow with k.
 */
export async function iwaeBatch(model: VaeModel, likelihood: Likelihood, x: tf.Tensor2D, k: number, rows: number, noise: NoiseFn, hooks: IwaeHooks = {}): Promise<{ iwae: Float64Array; elbo: Float64Array }> {
  const b = x.shape[0];
  const d = model.latentDim;
  const per = Math.max(1, Math.min(k, Math.floor(rows / b)));
  const max = new Float64Array(b).fill(-Infinity);
  const sumExp = new Float64Array(b);
  const sumLog = new Float64Array(b);
  const { mu, logvar } = tf.tidy(() => model.encode(x));
  try {
    for (let offset = 0; offset < k; offset += per) {
      const s = Math.min(per, k - offset);
      const lw = tf.tidy(() => {
        const eps = noise(offset, s, b, d);
        return logWeights(model, likelihood, x, mu, logvar, eps);
      });
      let v: Float32Array;
      try {
        v = (await lw.data()) as Float32Array;
      } finally {
        lw.dispose();
      }
      for (let r = 0; r < s; r++) {
        for (let i = 0; i < b; i++) {
          const w = v[r * b + i];
          sumLog[i] += w;
          // Rescale the running sum whenever a new maximum appears (streaming log-sum-exp).
          if (w > max[i]) {
            sumExp[i] = sumExp[i] * Math.exp(max[i] - w) + 1;
            max[i] = w;
          } else {
            sumExp[i] += Math.exp(w - max[i]);
          }
        }
      }
      hooks.chunkDone?.(offset + s);
      await hooks.checkpoint?.();
    }
  } finally {
    tf.dispose([mu, logvar]);
  }
  const logK = Math.log(k);
  const iwae = max.map((m, i) => m + Math.log(sumExp[i]) - logK);
  const elbo = sumLog.map((s) => s / k);
  return { iwae, elbo };
}
