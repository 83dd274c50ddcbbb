/// <reference lib="webworker" />
/**
 * One of tfjs-backend-wasm's pthread workers, as a module worker built with the app: the port of
 * tfjs 4.22's `tfjs-backend-wasm-threaded-simd.worker.js` (Emscripten's pthread worker), except
 * that the factory is imported here instead of evaluated from a blob of its own source text.
 * tfjs's way fails in a production build: the page's Content-Security-Policy allows scripts from
 * the site only (no blob: importScripts), and the bundled factory's toString() is not runnable
 * on its own. pthreads.ts routes the backend's `new Worker(blob:)` here.
 */
import factory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';

type EmModule = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const scope = self as unknown as DedicatedWorkerGlobalScope & Record<string, unknown>;
let Module: EmModule = {};
let initializedJS = false;
let pendingQueues: unknown[] = [];

// Emscripten decides it runs in a worker by `typeof importScripts == 'function'`, which a module
// worker lacks; it never calls it here (the module comes compiled in the 'load' message).
scope.importScripts ??= () => {
  throw new Error('importScripts is not available in a module worker');
};
scope.alert = (...args: unknown[]) => postMessage({ cmd: 'alert', text: args.join(' '), threadId: Module._pthread_self() });
scope.onunhandledrejection = (e: PromiseRejectionEvent) => {
  throw e.reason ?? e;
};
scope.startWorker = (instance: EmModule) => {
  Module = instance;
  postMessage({ cmd: 'loaded' });
};

function load(data: Data): void {
  Module.instantiateWasm = (info: WebAssembly.Imports, receive: (i: WebAssembly.Instance) => void) => {
    const instance = new WebAssembly.Instance(Module.wasmModule as WebAssembly.Module, info);
    receive(instance);
    Module.wasmModule = null;
    return instance.exports;
  };
  Module.wasmModule = data.wasmModule;
  for (const handler of data.handlers as string[]) {
    Module[handler] = (...args: unknown[]) => postMessage({ cmd: 'callHandler', handler, args });
  }
  Module.wasmMemory = data.wasmMemory;
  Module.buffer = (data.wasmMemory as WebAssembly.Memory).buffer;
  Module.ENVIRONMENT_IS_PTHREAD = true;
  (factory as (m: EmModule) => unknown)(Module);
}

function run(data: Data): void {
  Module.__emscripten_thread_init(data.pthread_ptr, 0, 0, 1);
  Module.establishStackSpace();
  Module.PThread.receiveObjectTransfer(data);
  Module.PThread.threadInitTLS();
  if (!initializedJS) {
    pendingQueues.forEach((q) => Module.executeNotifiedProxyingQueue(q));
    pendingQueues = [];
    initializedJS = true;
  }
  try {
    Module.invokeEntryPoint(data.start_routine, data.arg);
  } catch (ex) {
    if (ex === 'unwind') return;
    if (!(ex instanceof Module.ExitStatus)) throw ex;
    if (!Module.keepRuntimeAlive()) Module.__emscripten_thread_exit((ex as { status: number }).status);
  }
}

scope.onmessage = (e: MessageEvent<Data>) => {
  const data = e.data;
  try {
    if (data.cmd === 'load') load(data);
    else if (data.cmd === 'run') run(data);
    else if (data.cmd === 'cancel') {
      if (Module._pthread_self()) Module.__emscripten_thread_exit(-1);
    } else if (data.target === 'setimmediate') {
      // Emscripten's setImmediate polyfill: nothing to do.
    } else if (data.cmd === 'processProxyingQueue') {
      if (initializedJS) Module.executeNotifiedProxyingQueue(data.queue);
      else pendingQueues.push(data.queue);
    } else if (data.cmd) {
      console.error(`pthread worker: unknown command ${String(data.cmd)}`, data);
    }
  } catch (ex) {
    Module.__emscripten_thread_crashed?.();
    throw ex;
  }
};
