import * as tf from '../tf';
import { heapReluGrad } from '../wasm/reluGrad';

/**
 * relu's backward pass from its output: dy where y > 0 (exactly where the pre-activation was), else
 * 0. One SIMD pass on WASM; elsewhere step(y)·dy.
 */
export function reluGrad<T extends tf.Tensor>(dy: T, y: T): T {
  return heapReluGrad(dy, y) ?? tf.mul<T>(dy, tf.step(y));
}
