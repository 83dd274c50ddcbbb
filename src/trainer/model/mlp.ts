import * as tf from '../tf';
import { dense as fastDense, type DenseFn } from './dense';

export interface MlpOptions {
  inputDim: number;
  /** Widths of the relu hidden layers, in order; may be empty (one linear layer). */
  hidden: readonly number[];
  outputDim: number;
  /** Any seed; the same seed and name give the same weights on every backend. */
  seed: number;
  /** Distinguishes the networks of one model so they do not share a random stream. */
  name: string;
  /** Layer implementation; the fast custom-gradient one unless told otherwise. */
  dense?: DenseFn;
}

export interface Mlp {
  /** W0, b0, W1, b1, … in layer order: the order checkpoints rely on. */
  readonly variables: tf.Variable[];
  /**
   * Hidden layers relu, last layer linear.
   * inputGrad: false when x is data, so no gradient flows to it (saves one matmul).
   */
  apply(x: tf.Tensor2D, opts?: { inputGrad?: boolean }): tf.Tensor2D;
  paramCount(): number;
  dispose(): void;
}

/** Glorot/Xavier uniform: U(±√(6/(fanIn+fanOut))) keeps activation variance roughly level. */
function glorotUniform(fanIn: number, fanOut: number, seed: string): tf.Tensor2D {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  // A string seed gives every layer of every network its own reproducible stream.
  return tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed);
}

export function createMlp(opts: MlpOptions): Mlp {
  const dense = opts.dense ?? fastDense;
  const sizes = [opts.inputDim, ...opts.hidden, opts.outputDim];
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) throw new Error(`MLP layer width must be a positive integer, got ${s}`);
  }
  const weights: tf.Variable<tf.Rank.R2>[] = [];
  const biases: tf.Variable<tf.Rank.R1>[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const seed = `${opts.seed}/${opts.name}/${i}`;
    // Variables outlive tidy; the initial tensors do not.
    weights.push(tf.tidy(() => tf.variable(glorotUniform(sizes[i], sizes[i + 1], seed))));
    biases.push(tf.tidy(() => tf.variable(tf.zeros([sizes[i + 1]]) as tf.Tensor1D)));
  }
  const variables = weights.flatMap((w, i) => [w, biases[i]] as tf.Variable[]);

  return {
    variables,
    apply(x, applyOpts = {}) {
      let h = x;
      for (let i = 0; i < weights.length; i++) {
        const last = i === weights.length - 1;
        const inputGrad = i > 0 || (applyOpts.inputGrad ?? true);
        h = dense(h, weights[i], biases[i], last ? 'linear' : 'relu', { inputGrad });
      }
      return h;
    },
    paramCount: () => variables.reduce((n, v) => n + v.size, 0),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
