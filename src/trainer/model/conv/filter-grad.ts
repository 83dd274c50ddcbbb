import * as tf from '../../tf';
import type { Axis } from './geometry';
import { explicit } from './ops';
import { filterGradGemm } from '../../wasm/conv-gemm';
import { thinFilterGrad } from '../../wasm/conv-thin';
import { fastTransposedMatMul } from '../../wasm/register';

/**
 * Up to this many patch entries (k²·ci) per output pixel, im2col + matmul beats the dilated
 * conv, whose GEMM then has only k²·ci rows. Measured on WASM, batch 128, 28×28×c → 14×14×32:
 * c 1 k 3: 4–6 ms vs 6–7 ms; k 4 (16) and c 2 k 3 (18): a tie; c 1 k 5 (25): 9.6 vs 7.7 ms.
 */
const IM2COL_MAX = 16;

/**
 * dL/dW of y = conv2d(x, W, stride s): [kh, kw, ci, co]. WASM has no Conv2DBackpropFilter.
 *
 * dW[a,b,i,o] = Σ_{n,p,q} x[n, s·p + a − top, s·q + b − left, i] · dy[n,p,q,o] is itself a
 * stride-1 conv, dilated by s, of x with channels and batch swapped ([ci, H, W, n]) with dy as
 * the filter ([Ho, Wo, n, co]); XNNPACK runs it at full speed, unlike an im2col of strided
 * slices. For thin inputs see IM2COL_MAX. On WASM with our GEMM, inputs of 8k channels skip
 * both: filterGradGemm packs the patches straight into the GEMM (wasm/conv-gemm.ts); filters of
 * few taps (one input channel) go to thinFilterGrad (wasm/conv-thin.ts).
 */
export function filterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  kh: number,
  kw: number,
  stride: number,
  ah: Axis,
  aw: Axis,
): tf.Tensor4D {
  return tf.tidy(
    () =>
      filterGradGemm(x, dy, kh, kw, stride, ah.before, aw.before) ??
      thinFilterGrad(x, dy, kh, kw, stride, ah.before, aw.before) ??
      (kh * kw * x.shape[3] <= IM2COL_MAX ? viaIm2col : viaDilatedConv)(x, dy, kh, kw, stride, ah, aw),
  );
}

/** Rows (or columns) of padding after the input so that a conv reads exactly what y used. */
const after = (k: number, stride: number, a: Axis) => (a.out - 1) * stride + k - a.in - a.before;

function viaDilatedConv(x: tf.Tensor4D, dy: tf.Tensor4D, kh: number, kw: number, stride: number, ah: Axis, aw: Axis) {
  const xt = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D;
  const dyt = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  const e = explicit(xt, [ah.before, after(kh, stride, ah)], [aw.before, after(kw, stride, aw)]);
  const d = tf.conv2d(e.x, dyt, 1, e.pad, 'NHWC', stride);
  return tf.transpose(d, [1, 2, 0, 3]) as tf.Tensor4D;
}

/**
 * Patches by a conv with an identity filter (the forward conv's own geometry), then one plain
 * matmul, dWᵀ = dyᵀ [co, N] · patches [N, k²·ci]: WASM's matmul repacks its right operand on
 * every call (a new tensor each step), so the thin patches go there, and the transpose is
 * explicit because a transposed-operand matmul takes WASM's slow path.
 */
function viaIm2col(x: tf.Tensor4D, dy: tf.Tensor4D, kh: number, kw: number, stride: number, ah: Axis, aw: Axis) {
  const ci = x.shape[3];
  const taps = kh * kw * ci;
  const eye = tf.reshape(tf.eye(taps), [kh, kw, ci, taps]) as tf.Tensor4D;
  const e = explicit(x, [ah.before, after(kh, stride, ah)], [aw.before, after(kw, stride, aw)]);
  const patches = tf.reshape(tf.conv2d(e.x, eye, stride, e.pad), [-1, taps]);
  const co = dy.shape[3];
  const dy2 = tf.reshape(dy, [-1, co]);
  // Our WASM GEMM takes a transposed operand at full speed: dW = patchesᵀ·dy, already [taps, co].
  if (fastTransposedMatMul()) return tf.reshape(tf.matMul(patches, dy2, true, false), [kh, kw, ci, co]) as tf.Tensor4D;
  const dWt = tf.matMul(tf.transpose(dy2), patches); // [co, taps]
  return tf.reshape(tf.transpose(dWt), [kh, kw, ci, co]) as tf.Tensor4D;
}
