import * as tf from '../tf';
import { heapKernels, heapView, memoryOf, pointer, uninitialised, wasmBackend } from './heap';
import { ELEMENTWISE_PARALLEL_MIN, runCut, threadsFor } from './pool';

/**
 * y > 0 ? dy : 0 (relu's backward pass given its output y) in one SIMD pass on the WASM heap, runs of
 * elements shared over the kernel threads. null off WASM, or when the shapes or dtypes differ.
 */
export function heapReluGrad<T extends tf.Tensor>(dy: T, y: T): T | null {
  const backend = wasmBackend();
  const same = dy.size === y.size && dy.shape.length === y.shape.length && dy.shape.every((n, i) => n === y.shape[i]);
  if (!backend || !same || dy.dtype !== 'float32' || y.dtype !== 'float32') return null;
  const out = uninitialised(backend, dy.shape) as T;
  const memory = memoryOf(backend);
  const k = heapKernels(backend);
  const [pd, py, po] = [pointer(backend, dy), pointer(backend, y), pointer(backend, out)];
  const quads = dy.size >> 2;
  runCut(memory, quads, threadsFor(memory, dy.size, ELEMENTWISE_PARALLEL_MIN), (q0, q1) => [k.reluGradCall(pd + 16 * q0, py + 16 * q0, po + 16 * q0, 4 * (q1 - q0))]);
  const [o, d, v] = [heapView(backend, out), heapView(backend, dy), heapView(backend, y)];
  for (let i = 4 * quads; i < dy.size; i++) o[i] = v[i] > 0 ? d[i] : 0;
  return out;
}
