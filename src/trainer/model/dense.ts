import * as tf from '../tf';

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
 * y = act(x·W + b) with a hand-written gradient.
 *
 * tfjs's own matMul gradient emits BatchMatMul with transposeA/transposeB, which the WASM
 * backend runs ~10× slower than an explicit transpose followed by a plain matMul
 * (see shared/TFJS.md). The backward pass here uses only plain matMuls.
 */
export const dense: DenseFn = (x, W, b, activation, opts = {}) => {
  const inputGrad = opts.inputGrad ?? true;

  // Tensors made inside the forward pass are disposed before backprop runs
  // (engine.gradients tidies f), so whatever the backward needs must go through save().
  const forward = (save: tf.GradSaveFunc): tf.Tensor2D => {
    const y = tf.fused.matMul({ a: x, b: W, bias: b, activation }) as tf.Tensor2D;
    save([x, W, y]);
    return y;
  };

  const backward = (dy: tf.Tensor2D, saved: tf.Tensor[]): tf.Tensor[] => {
    const [xs, Ws, y] = saved as tf.Tensor2D[];
    // relu'(pre) = step(y): y > 0 exactly where the pre-activation is > 0.
    const g = activation === 'relu' ? tf.mul(dy, tf.step(y)) : dy;
    const dW = tf.matMul(tf.transpose(xs), g);
    const db = tf.sum(g, 0);
    if (!inputGrad) return [dW, db];
    const dx = tf.matMul(g, tf.transpose(Ws));
    return [dx, dW, db];
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
