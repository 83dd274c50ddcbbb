import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { useTestBackend } from '../testing/tfSetup';
import { activeWasmBackend, asWasmBackend, memoryOf, missingInternals } from './tfjs-internals';

beforeAll(async () => {
  await useTestBackend();
  await tf.setBackend('wasm');
});

// A tripwire for tfjs upgrades: everything trainer/wasm/ relies on inside tfjs-backend-wasm (see
// README.md in this folder). When one of these fails, re-read that README before anything else.
describe('tfjs-backend-wasm internals our kernels use', () => {
  it('is the version they were written against', () => {
    expect(version_wasm, 'tfjs-backend-wasm changed version: re-check src/trainer/wasm/README.md').toBe('4.22.0');
  });

  it('are all found on a live WASM backend', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(missingInternals(tf.backend())).toEqual([]);
    expect(activeWasmBackend()).toBe(tf.backend());
    expect(asWasmBackend(tf.backend())).not.toBeNull();
    expect(asWasmBackend({ wasm: {} })).toBeNull();
  });

  it('heap offsets, dataIdMap, incRef and malloc mean what the kernels assume', () => {
    const b = activeWasmBackend()!;
    const t = tf.tensor1d([1.5, -2, 3.25, 7]);
    const offset = b.getMemoryOffset(t.dataId);
    expect(b.dataIdMap.get(t.dataId)?.memoryOffset).toBe(offset);
    // The tensor's floats sit at that byte offset of the backend's WebAssembly memory.
    expect(Array.from(new Float32Array(memoryOf(b).buffer, offset, 4))).toEqual([1.5, -2, 3.25, 7]);
    expect(Array.from(b.typedArrayFromHeap(t))).toEqual([1.5, -2, 3.25, 7]);
    const before = b.refCount(t.dataId);
    b.incRef(t.dataId);
    expect(b.refCount(t.dataId)).toBe(before + 1);
    tf.engine().disposeTensor(t); // drops one reference
    expect(b.refCount(t.dataId)).toBe(before);
    const out = b.makeOutput([3], 'float32');
    expect(b.getMemoryOffset(out.dataId) % 4).toBe(0);
    tf.engine().makeTensorFromTensorInfo(out).dispose();
    const p = b.wasm._malloc(64);
    expect(p).toBeGreaterThan(0);
    expect(p + 64).toBeLessThanOrEqual(memoryOf(b).buffer.byteLength);
    b.wasm._free(p);
    t.dispose();
  });

  it("still ships the threaded build's pthread protocol that pthread.worker.ts re-implements", () => {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
    const factory = readFileSync(dir, 'utf8');
    const worker = readFileSync(dir.replace(/\.js$/, '.worker.js'), 'utf8');
    // The worker's messages and the Module fields it sets, as pthread.worker.ts handles them.
    for (const s of ['cmd==="load"', 'cmd==="run"', 'cmd==="cancel"', 'cmd==="processProxyingQueue"', 'self.startWorker=', 'Module["wasmMemory"]=e.data.wasmMemory', 'Module["ENVIRONMENT_IS_PTHREAD"]=true', '"__emscripten_thread_init"', '"invokeEntryPoint"']) {
      expect(worker, s).toContain(s);
    }
    // The factory: its pthread workers come from locateFile('….worker.js') (the blob: URL threads.ts
    // reroutes), it exposes its shared memory as Module.wasmMemory, and it detects a worker by importScripts.
    for (const s of ['locateFile("tfjs-backend-wasm-threaded-simd.worker.js")', 'worker=new Worker(pthreadMainJs)', 'Module["wasmMemory"]=wasmMemory', '"shared":true', 'typeof importScripts=="function"', 'startWorker(Module)']) {
      expect(factory, s).toContain(s);
    }
  });
});
