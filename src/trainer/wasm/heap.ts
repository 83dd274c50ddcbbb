import * as tf from '../tf';
import { kernelsFor, type Kernels } from './kernels';
import { activeWasmBackend, memoryOf, type WasmBackendInternals as WasmBackendLike } from './tfjs-internals';
import { HAS_SIMD } from './wasm-asm';

export { memoryOf };

/**
 * The WASM backend when it is the active one (and the engine has SIMD, which our kernels use):
 * its tensors live in one heap JS can read and write.
 */
export function wasmBackend(): WasmBackendLike | null {
  return HAS_SIMD ? activeWasmBackend() : null;
}

/** Our SIMD kernels, bound to this backend's heap. */
export function heapKernels(b: WasmBackendLike): Kernels {
  return kernelsFor(memoryOf(b));
}

/** A float32 tensor's byte offset on the heap, for the kernels. */
export function pointer(b: WasmBackendLike, t: tf.Tensor): number {
  if (t.dtype !== 'float32') throw new Error(`pointer: ${t.dtype} tensor, expected float32`);
  return b.getMemoryOffset(t.dataId);
}

/**
 * A float32 tensor's memory on the WASM heap: no copy, writes change the tensor. Take it right
 * before use: any heap allocation may grow (and so detach) the buffer under older views.
 */
export function heapView(backend: WasmBackendLike, t: tf.Tensor): Float32Array {
  if (t.dtype !== 'float32') throw new Error(`heapView: ${t.dtype} tensor, expected float32`);
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** A new float32 tensor of the given shape with uninitialised memory, for a kernel to fill. */
export function uninitialised(b: WasmBackendLike, shape: number[]): tf.Tensor {
  return tf.engine().makeTensorFromTensorInfo(b.makeOutput(shape, 'float32'));
}

/** True when no other tensor shares t's memory (a reshape or tf.variable(t) would): safe to write in place. */
export function exclusive(backend: WasmBackendLike, t: tf.Tensor): boolean {
  return backend.refCount(t.dataId) === 1;
}

/**
 * Whether every element of the tensors is finite, checked by a SIMD kernel on the WASM heap.
 * null when not on WASM: the caller checks on the device.
 */
export function allFinite(tensors: tf.Tensor[]): boolean | null {
  const backend = wasmBackend();
  if (!backend) return null;
  const k = heapKernels(backend);
  for (const t of tensors) {
    const n4 = t.size & ~3;
    if (!k.finite(pointer(backend, t), n4)) return false;
    const tail = heapView(backend, t).subarray(n4);
    if (!tail.every(Number.isFinite)) return false;
  }
  return true;
}

/**
 * Rows `idx` of `bytes` (rows of `dim` bytes) as a [n, dim] float32 tensor of v / 255, built on
 * the heap: the rows' bytes copied there, then one SIMD pass (a JavaScript loop by lookup was
 * 4 % of an MLP step on two threads, all of it on one). null when not on WASM.
 */
export function heapUnitRows(bytes: Uint8Array, dim: number, idx: ArrayLike<number>): tf.Tensor2D | null {
  const backend = wasmBackend();
  if (!backend) return null;
  const n = idx.length * dim;
  const out = uninitialised(backend, [idx.length, dim]) as tf.Tensor2D;
  const scratch = backend.wasm._malloc(n);
  try {
    const heap = new Uint8Array(memoryOf(backend).buffer);
    for (let r = 0; r < idx.length; r++) heap.set(bytes.subarray(idx[r] * dim, (idx[r] + 1) * dim), scratch + r * dim);
    const n8 = n >> 3;
    heapKernels(backend).unitBytes(scratch, pointer(backend, out), n8);
    const f = heapView(backend, out);
    for (let i = 8 * n8; i < n; i++) f[i] = heap[scratch + i] / 255;
    return out;
  } finally {
    backend.wasm._free(scratch);
  }
}
