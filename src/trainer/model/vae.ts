import * as tf from '../tf';
import type { DenseFn } from './dense';
import { createMlp } from './mlp';

export interface VaeModel {
  readonly variables: tf.Variable[];
  readonly inputDim: number;
  readonly latentDim: number;
  /** x: [n, inputDim] in [0,1]. */
  encode(x: tf.Tensor2D): { mu: tf.Tensor2D; logvar: tf.Tensor2D };
  /** Returns the decoder's output [n, outputDim]: the likelihood's parameters (logits for Bernoulli). */
  decode(z: tf.Tensor2D): tf.Tensor2D;
  paramCount(): number;
  dispose(): void;
}

export interface MlpVaeOptions {
  inputDim: number;
  /** Encoder hidden widths; the decoder uses them reversed. May be empty. */
  hidden: number[];
  latentDim: number;
  seed: number;
  /** Decoder output width: likelihood.paramsPerPixel · inputDim; defaults to inputDim. */
  outputDim?: number;
  /** Layer implementation (tests and benchmarks compare the stock one). */
  dense?: DenseFn;
}

/**
 * Encoder inputDim → hidden… (relu) → one linear head of 2·latentDim, split into mu and logvar.
 * Decoder latentDim → reversed hidden… (relu) → inputDim linear logits.
 */
export function createMlpVae(opts: MlpVaeOptions): VaeModel {
  const { inputDim, latentDim, seed, dense } = opts;
  const hidden = [...opts.hidden];
  const encoder = createMlp({ inputDim, hidden, outputDim: 2 * latentDim, seed, name: 'enc', dense });
  const decoder = createMlp({
    inputDim: latentDim,
    hidden: [...hidden].reverse(),
    outputDim: opts.outputDim ?? inputDim,
    seed,
    name: 'dec',
    dense,
  });
  const variables = [...encoder.variables, ...decoder.variables];

  return {
    variables,
    inputDim,
    latentDim,
    encode(x) {
      return tf.tidy(() => {
        // x is data: skipping its gradient saves an [n, inputDim] matmul per step.
        const h = encoder.apply(x, { inputGrad: false });
        const [mu, logvar] = tf.split(h, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
        return { mu, logvar };
      });
    },
    decode: (z) => decoder.apply(z),
    paramCount: () => encoder.paramCount() + decoder.paramCount(),
    dispose() {
      encoder.dispose();
      decoder.dispose();
    },
  };
}
