import * as tf from '../../tf';
import type { Activation } from '../dense';
import { convAxis, type Padding } from './geometry';
import { filterGrad } from './filter-grad';
import { biasGrad, fusedConv } from './ops';
import { transposedConv } from './transposed';
import { reluGrad } from '../reluGrad';

export interface ConvOptions {
  stride?: number;
  pad?: Padding;
  activation?: Activation;
  /** False when x is data (a first layer): skips a whole transposed conv per step. */
  inputGrad?: boolean;
}

/** y = act(conv2d(x, W) + b), x [n, H, W, ci], W [k, k, ci, co]; the signature both layers share. */
export type Conv2dFn = (x: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor1D, opts?: ConvOptions) => tf.Tensor4D;

/**
 * y = act(conv2dTranspose(x, W) + b) to spatial size `size`, x [n, Hi, Wi, ci], W [k, k, co, ci]
 * (tfjs's layout: the adjoint of a conv from co to ci channels whose input is `size`).
 */
export type Conv2dTransposeFn = (
  x: tf.Tensor4D,
  W: tf.Tensor4D,
  b: tf.Tensor1D,
  size: [number, number],
  opts?: ConvOptions,
) => tf.Tensor4D;

/**
 * Runs a customGrad op whose inputs are [x?, W, b]. With inputGrad off, x is closed over rather
 * than passed, so the tape never asks for its gradient (as in dense.ts).
 */
function withGrad(
  x: tf.Tensor4D,
  W: tf.Tensor4D,
  b: tf.Tensor1D,
  inputGrad: boolean,
  forward: (save: tf.GradSaveFunc) => tf.Tensor4D,
  backward: (dy: tf.Tensor4D, saved: tf.Tensor4D[]) => tf.Tensor[],
): tf.Tensor4D {
  // Everything saved by our forwards is NHWC or a filter: rank 4.
  const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => backward(dy as tf.Tensor4D, saved as tf.Tensor4D[]);
  if (inputGrad) {
    const op = tf.customGrad((_x, _W, _b, save) => ({ value: forward(save as tf.GradSaveFunc), gradFunc }));
    return op(x, W, b) as tf.Tensor4D;
  }
  const op = tf.customGrad((_W, _b, save) => ({ value: forward(save as tf.GradSaveFunc), gradFunc }));
  return op(W, b) as tf.Tensor4D;
}

const actGrad = (dy: tf.Tensor4D, y: tf.Tensor4D, act: Activation): tf.Tensor4D => (act === 'relu' ? reluGrad(dy, y) : dy);

/**
 * Conv layer with a hand-written gradient that runs fast on WASM (which lacks
 * Conv2DBackpropFilter and loops naively in Conv2DBackpropInput): the filter gradient is one
 * dilated conv (filterGrad), the input gradient one sub-pixel conv (transposedConv).
 */
export const conv2d: Conv2dFn = (x, W, b, opts = {}) => {
  const { stride = 1, pad = 'same', activation = 'linear', inputGrad = true } = opts;
  const [kh, kw] = W.shape;
  const ah = convAxis(x.shape[1], kh, stride, pad);
  const aw = convAxis(x.shape[2], kw, stride, pad);
  return withGrad(
    x, W, b, inputGrad,
    (save) => {
      const y = fusedConv(x, W, stride, pad, b, activation);
      save([x, W, y]);
      return y;
    },
    (dy, [xs, Ws, y]) => {
      const g = actGrad(dy, y, activation);
      const dW = filterGrad(xs, g, kh, kw, stride, ah, aw);
      const db = biasGrad(g);
      if (!inputGrad) return [dW, db];
      return [transposedConv(g, Ws, stride, ah, aw), dW, db];
    },
  );
};

/**
 * Transposed conv layer (decoder upsampling), the same kernels in the other roles: its forward
 * is a conv's input gradient (transposedConv), its input gradient the plain conv, and its
 * filter gradient filterGrad with the output as the conv's "input".
 */
export const conv2dTranspose: Conv2dTransposeFn = (x, W, b, size, opts = {}) => {
  const { stride = 1, pad = 'same', activation = 'linear', inputGrad = true } = opts;
  const [kh, kw] = W.shape;
  const ah = convAxis(size[0], kh, stride, pad);
  const aw = convAxis(size[1], kw, stride, pad);
  if (ah.out !== x.shape[1] || aw.out !== x.shape[2]) {
    throw new Error(`conv2dTranspose: ${x.shape[1]}×${x.shape[2]} does not come from ${size[0]}×${size[1]} at stride ${stride}`);
  }
  return withGrad(
    x, W, b, inputGrad,
    (save) => {
      const y = transposedConv(x, W, stride, ah, aw, b, activation);
      save([x, W, y]);
      return y;
    },
    (dy, [xs, Ws, y]) => {
      const g = actGrad(dy, y, activation);
      const dW = filterGrad(g, xs, kh, kw, stride, ah, aw);
      const db = biasGrad(g);
      if (!inputGrad) return [dW, db];
      return [tf.conv2d(g, Ws, stride, pad), dW, db];
    },
  );
};

/** The stock layers, with tfjs's built-in gradients (for tests and benchmarks; CPU only in training). */
export const stockConv2d: Conv2dFn = (x, W, b, opts = {}) => {
  const { stride = 1, pad = 'same', activation = 'linear' } = opts;
  return tf.fused.conv2d({ x, filter: W, strides: stride, pad, bias: b, activation }) as tf.Tensor4D;
};

export const stockConv2dTranspose: Conv2dTransposeFn = (x, W, b, size, opts = {}) => {
  const { stride = 1, pad = 'same', activation = 'linear' } = opts;
  const y = tf.conv2dTranspose(x, W, [x.shape[0], size[0], size[1], W.shape[2]], stride, pad);
  const z = tf.add(y, b) as tf.Tensor4D;
  return activation === 'relu' ? tf.relu(z) : z;
};
