import * as tf from '../tf';
import { heapKernels, memoryOf, pointer, uninitialised, wasmBackend } from './heap';
import { ELEMENTWISE_PARALLEL_MIN, runCut, threadsFor } from './pool';
import type { WasmBackendInternals } from './tfjs-internals';

/** [Σ x·l − softplus(l) per row, x − sigmoid(l)] by the SIMD kernel, rows shared out over the kernel threads. */
function run(backend: WasmBackendInternals, x: tf.Tensor2D, logits: tf.Tensor2D): [tf.Tensor1D, tf.Tensor2D] {
  const [rows, d] = logits.shape;
  const out = uninitialised(backend, [rows]) as tf.Tensor1D;
  const g = uninitialised(backend, [rows, d]) as tf.Tensor2D;
  const memory = memoryOf(backend);
  const k = heapKernels(backend);
  const threads = threadsFor(memory, rows * d, ELEMENTWISE_PARALLEL_MIN);
  const [px, pl, pg, po] = [pointer(backend, x), pointer(backend, logits), pointer(backend, g), pointer(backend, out)];
  const at = (p: number, r: number) => p + 4 * r * d;
  // Whole rows per call: each row is summed by the same code in the same order on any thread.
  runCut(memory, rows, threads, (r0, r1) => [k.bernoulliCall(at(px, r0), at(pl, r0), at(pg, r0), po + 4 * r0, r1 - r0, d)]);
  return [out, g];
}

/**
 * log Bernoulli(x | sigmoid(l)) summed per row, as `bernoulliLogProb` defines it, in one pass on the
 * WASM heap with the gradient x − sigmoid(l) made alongside (bernoulli-wasm.ts); the gradient is
 * with respect to the logits only (x is data). null where it does not apply: another backend, no
 * SIMD, a row length that is not a multiple of 4, or shapes that differ.
 */
export function heapBernoulliLogProb(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D | null {
  const backend = wasmBackend();
  const [rows, d] = logits.shape;
  const fits = x.shape[0] === rows && x.shape[1] === d && d > 0 && d % 4 === 0 && rows > 0;
  if (!backend || !fits || x.dtype !== 'float32' || logits.dtype !== 'float32') return null;
  const op = tf.customGrad((l, save) => {
    const [value, g] = run(backend, x, l as tf.Tensor2D);
    (save as tf.GradSaveFunc)([g]);
    return { value, gradFunc: (dy: tf.Tensor, [gs]: tf.Tensor[]) => tf.mul(gs, tf.reshape(dy, [rows, 1])) };
  });
  return op(logits) as tf.Tensor1D;
}
