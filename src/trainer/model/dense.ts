import * as tf from '../tf';
import { fastTransposedMatMul } from '../wasm/register';
import { reluGrad } from './reluGrad';

export type Activation = 'relu' | 'linear';

export interface DenseOptions {
  /**
   * Whether to compute the gradient with respect to x. Turn it off for a first layer whose
   * input is data: that gradient would be a full [n, in] matmul thrown away.
   */
  inputGrad?: boolean;
}

/** Signature shared by the fast and the stock layer, so a model can take either. */
export type DenseFn = (
  x: tf.Tensor2D,
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  activation: Activation,
  opts?: DenseOptions,
) => tf.Tensor2D;

/**
 * act(x·W + b) as one _FusedMatMul kernel. tf.fused.matMul splits a relu back into
 * matMul + add + relu whenever a gradient tape is open (as inside a customGrad forward): two
 * extra passes over the output. Running the kernel directly records no gradient, so call this
 * only where a customGrad supplies one.
 */
function fusedMatMul(x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, activation: Activation): tf.Tensor2D {
  const [n, k] = x.shape;
  const m = W.shape[1];
  const attrs = { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0 };
  // Our WASM GEMM takes rank-2 operands; tfjs's kernels want a batch dimension, which costs three
  // Reshape kernels' dispatch a layer (~30 of an MLP step's ~160 kernels).
  if (fastTransposedMatMul()) return tf.engine().runKernel(tf._FusedMatMul, { a: x, b: W, bias: b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
  const inputs = { a: tf.reshape(x, [1, n, k]), b: tf.reshape(W, [1, k, m]), bias: b };
  const y = tf.engine().runKernel(tf._FusedMatMul, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor3D;
  return tf.reshape<tf.Rank.R2>(y, [n, m]);
}

/** dL/dW = xᵀ·g. */
function weightGradient(x: tf.Tensor2D, g: tf.Tensor2D): tf.Tensor2D {
  if (fastTransposedMatMul()) return tf.matMul(x, g, true, false);
  return tf.matMul(tf.transpose(x), g) as tf.Tensor2D;
}

/**
 * dL/dx = g·Wᵀ. With our WASM GEMM (wasm/) transposed operands cost nothing. Else XNNPACK packs
 * the right operand on every call (a new W each step), so for a large W (W·gᵀ)ᵀ is cheaper: it
 * packs the batch-sized gᵀ instead (400×784 layer, batch 128: 3.8 ms vs 5.0 ms); for a thin W
 * (20 inputs) the plain form wins (1.1 vs 4.3 ms).
 */
function inputGradient(g: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  if (fastTransposedMatMul()) return tf.matMul(g, W, false, true);
  const n = g.shape[0];
  const [k, m] = W.shape;
  if (k * m > n * (k + m)) return tf.transpose(tf.matMul(W, tf.transpose(g)) as tf.Tensor2D);
  return tf.matMul(g, tf.transpose(W)) as tf.Tensor2D;
}

/**
 * y = act(x·W + b) with a hand-written gradient.
 *
 * tfjs's own matMul gradient emits BatchMatMul with transposeA/transposeB, which stock WASM
 * (XNNPACK) runs ~10× slower than an explicit transpose followed by a plain matMul
 * (see shared/TFJS.md). The backward pass here uses transposed operands only where our GEMM
 * runs them (wasm/register.ts), explicit transposes elsewhere.
 */
export const dense: DenseFn = (x, W, b, activation, opts = {}) => {
  const inputGrad = opts.inputGrad ?? true;

  // Tensors made inside the forward pass are disposed before backprop runs
  // (engine.gradients tidies f), so whatever the backward needs must go through save().
  const forward = (save: tf.GradSaveFunc): tf.Tensor2D => {
    const y = fusedMatMul(x, W, b, activation);
    save([x, W, y]);
    return y;
  };

  const backward = (dy: tf.Tensor2D, saved: tf.Tensor[]): tf.Tensor[] => {
    const [xs, Ws, y] = saved as tf.Tensor2D[];
    const g = activation === 'relu' ? reluGrad(dy, y) : dy;
    const dW = weightGradient(xs, g);
    const db = tf.sum(g, 0);
    if (!inputGrad) return [dW, db];
    return [inputGradient(g, Ws), dW, db];
  };

  if (inputGrad) {
    // The inputs are x, W, b themselves; they are listed so the tape links them.
    const op = tf.customGrad((_x, _W, _b, save) => {
      return { value: forward(save as tf.GradSaveFunc), gradFunc: backward };
    });
    return op(x, W, b) as tf.Tensor2D;
  }
  // x is closed over, not an input, so the tape never asks for its gradient.
  const op = tf.customGrad((_W, _b, save) => {
    return { value: forward(save as tf.GradSaveFunc), gradFunc: backward };
  });
  return op(W, b) as tf.Tensor2D;
};

/** The stock layer (what tf.layers.dense does): fused matMul with tfjs's built-in gradient. */
export const stockDense: DenseFn = (x, W, b, activation) =>
  tf.fused.matMul({ a: x, b: W, bias: b, activation }) as tf.Tensor2D;
