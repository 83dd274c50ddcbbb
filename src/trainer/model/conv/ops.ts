import * as tf from '../../tf';

export type Pair = [number, number];

/**
 * Explicit padding for tf.conv2d, which accepts none below zero: negative amounts crop the
 * input instead. Padding is left to the conv itself (XNNPACK pads on the fly, no copy).
 */
export function explicit(x: tf.Tensor4D, ph: Pair, pw: Pair) {
  const [n, h, w, c] = x.shape;
  const cut = (p: Pair): Pair => [Math.max(-p[0], 0), Math.max(-p[1], 0)];
  const [ch, cw] = [cut(ph), cut(pw)];
  if (ch[0] + ch[1] + cw[0] + cw[1] > 0) {
    x = tf.slice(x, [0, ch[0], cw[0], 0], [n, h - ch[0] - ch[1], w - cw[0] - cw[1], c]);
  }
  const pos = (p: Pair): Pair => [Math.max(p[0], 0), Math.max(p[1], 0)];
  const pad: tf.backend_util.ExplicitPadding = [[0, 0], pos(ph), pos(pw), [0, 0]];
  return { x, pad };
}

/** Σ over batch and space of g [n, h, w, c]: the bias gradient. */
export function biasGrad(g: tf.Tensor4D): tf.Tensor1D {
  // A [1, N]·[N, c] matmul with ones only looks faster while XNNPACK's packed copy of g is
  // cached; with a new g every step, as in training, it was ~2.5× slower than this.
  return tf.sum(tf.reshape(g, [-1, g.shape[3]]), 0);
}

/**
 * act(conv2d(x, W) + b) as one FusedConv2D kernel. tf.fused.conv2d splits a relu back into
 * conv + add + relu whenever a gradient tape is open (as inside a customGrad forward), which
 * costs two extra passes over a large activation. Running the kernel directly records no
 * gradient, so call this only where a customGrad supplies one (as layers.ts does).
 */
export function fusedConv(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  pad: 'same' | 'valid' | tf.backend_util.ExplicitPadding,
  bias: tf.Tensor1D | undefined,
  activation: 'relu' | 'linear',
): tf.Tensor4D {
  const inputs: tf.NamedTensorMap = bias ? { x, filter, bias } : { x, filter };
  const attrs = { strides: [stride, stride], pad, dataFormat: 'NHWC', dilations: [1, 1], activation };
  return tf.engine().runKernel(tf.FusedConv2D, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}
