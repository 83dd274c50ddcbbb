import * as tf from '../tf';

/**
 * The one place that knows tfjs-backend-wasm 4.22's internals (README.md in this folder lists
 * them). Everything else in trainer/wasm/ reaches the backend through these types and functions,
 * and tfjs-internals.test.ts fails loudly when an upgrade moves any of them.
 */

/** What the kernels need from the Emscripten module the backend wraps (`backend.wasm`). */
export interface HeapModule {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
}

/** The Emscripten module: its memory is `wasmMemory` (threaded build) or `asm.memory` (the others). */
export interface EmscriptenModule extends HeapModule {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

/** The parts of tfjs-backend-wasm's BackendWasm that our kernels use. */
export interface WasmBackendInternals {
  wasm: EmscriptenModule;
  /** tfjs's table of tensor buffers (dataId → heap offset, reference count…). */
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number; refCount: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  getMemoryOffset(dataId: tf.DataId): number;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  refCount(dataId: tf.DataId): number;
  incRef(dataId: tf.DataId): void;
  readSync(dataId: tf.DataId): ArrayLike<number>;
}

const METHODS = ['makeOutput', 'getMemoryOffset', 'typedArrayFromHeap', 'refCount', 'incRef', 'readSync'] as const;

/** What is missing from `backend` for it to be a WASM backend our kernels can use ([] when nothing). */
export function missingInternals(backend: unknown): string[] {
  const b = backend as Partial<Record<string, unknown>> & { wasm?: Partial<EmscriptenModule>; dataIdMap?: { get?: unknown } };
  const missing: string[] = METHODS.filter((m) => typeof b?.[m] !== 'function').map((m) => `backend.${m}()`);
  if (typeof b?.dataIdMap?.get !== 'function') missing.push('backend.dataIdMap.get()');
  if (typeof b?.wasm?._malloc !== 'function') missing.push('backend.wasm._malloc()');
  if (typeof b?.wasm?._free !== 'function') missing.push('backend.wasm._free()');
  if (!(memoryOfModule(b?.wasm) instanceof WebAssembly.Memory)) missing.push('backend.wasm.wasmMemory or backend.wasm.asm.memory');
  return missing;
}

/** `backend` as the WASM backend's internals, or null when it is not one (or tfjs moved them). */
export function asWasmBackend(backend: unknown): WasmBackendInternals | null {
  if (typeof backend !== 'object' || backend === null) return null;
  let ok = checked.get(backend);
  if (ok === undefined) checked.set(backend, (ok = missingInternals(backend).length === 0));
  return ok ? (backend as WasmBackendInternals) : null;
}

/** Backends already checked (kernels ask on every call). */
const checked = new WeakMap<object, boolean>();

function memoryOfModule(wasm: Partial<EmscriptenModule> | undefined): WebAssembly.Memory | undefined {
  return wasm?.wasmMemory ?? wasm?.asm?.memory;
}

/** The backend's heap: one WebAssembly memory, shared between threads in the threaded build. */
export function memoryOf(b: WasmBackendInternals): WebAssembly.Memory {
  return memoryOfModule(b.wasm)!;
}

/** Whether the backend's memory is a SharedArrayBuffer (tfjs's threaded-SIMD build). */
export function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/** The active backend when it is tfjs's WASM backend. */
export function activeWasmBackend(): WasmBackendInternals | null {
  return tf.getBackend() === 'wasm' ? asWasmBackend(tf.backend()) : null;
}
