import * as tf from '../tf';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import pthreadWorkerUrl from './pthread.worker.ts?worker&url';
import { singleThreadReason, startKernelPool } from './pool';
import { activeWasmBackend } from './tfjs-internals';

/**
 * Threads for the WASM backend. On a cross-origin isolated page tfjs loads its threaded-SIMD
 * build, whose heap is a shared WebAssembly.Memory; our kernels (this folder) then split their
 * work over navigator.hardwareConcurrency threads: this one plus helper workers on that memory
 * (pool.ts). tfjs's own XNNPACK pool is kept to one thread: our kernels do the heavy work, and
 * tfjs sizes its pool as hardwareConcurrency / 2 (TFJS.md), which would only compete with ours.
 * Without isolation tfjs loads its single-threaded build and so do we, and the note says why.
 */
export function configureWasmThreads(): void {
  const isolated = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;
  threadedRefused = refusesThreadedBuild(typeof navigator === 'undefined' ? '' : navigator.userAgent);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', isolated && typeof Worker === 'function' && !threadedRefused);
  setThreadsCount(1);
  routeTfjsPthreads();
}

/**
 * Firefox (ESR 153, measured 2026-12-05) never finishes starting tfjs's threaded build in about half
 * of its launches: tf.setBackend('wasm') stays pending, with nothing in the console, and the page
 * sits at "Probing wasm… 0 %" (6 of 6 launches started with the single-threaded build, 3 of 6 with
 * the threaded one). One thread that trains beats two that never start; the note says why.
 */
export function refusesThreadedBuild(userAgent: string): boolean {
  return /\bFirefox\//.test(userAgent);
}
let threadedRefused = false;
const FIREFOX_NOTE = "Firefox: tfjs's threaded WASM build can hang at start there";

let routed = false;

/**
 * tfjs starts Emscripten's pthread workers from a blob: URL that imports another blob holding the
 * factory's source text: blocked by the Content-Security-Policy (scripts from the site only) and
 * broken by bundling. Here such workers are our build of the same worker (pthread.worker.ts).
 * Only blob: workers are rerouted; this trainer creates no other blob: worker.
 */
function routeTfjsPthreads(): void {
  if (routed || typeof Worker !== 'function') return;
  routed = true;
  const Native = Worker;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      const blob = String(url).startsWith('blob:');
      super(blob ? pthreadWorkerUrl : url, blob ? { type: 'module', name: 'tfjs-pthread' } : options);
    }
  };
}

/** navigator.hardwareConcurrency, or fewer when the page asked for fewer (`?threads=N`, the worker's name). */
function coresToUse(): number {
  const cores = navigator.hardwareConcurrency || 1;
  const asked = /threads=(\d+)/.exec((globalThis as { name?: string }).name ?? '');
  return asked ? Math.max(1, Math.min(cores, Number(asked[1]))) : cores;
}

export interface WasmThreads {
  threads: number;
  /** e.g. "SIMD, 2 threads" or "SIMD, 1 thread (the page is not cross-origin isolated)". */
  note: string;
}

/** Starts the kernel helpers for the active WASM backend; the thread count and a note for the status. */
export async function startWasmThreads(): Promise<WasmThreads> {
  const backend = activeWasmBackend();
  const threads = backend ? await startKernelPool(backend, coresToUse()) : 1;
  let simd = 'SIMD';
  try {
    simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD';
  } catch {
    // the flag is async-only before the backend is initialised
  }
  const why = threads === 1 ? (threadedRefused ? FIREFOX_NOTE : singleThreadReason()) : null;
  return { threads, note: `${simd}, ${threads} thread${threads === 1 ? '' : 's'}${why ? ` (${why})` : ''}` };
}
