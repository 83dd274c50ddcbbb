/// <reference lib="webworker" />
/**
 * A kernel helper thread (pool.ts): it imports tfjs's shared WASM memory, compiles the same
 * generated kernel modules as the trainer (their bytes lie on that heap) and runs its share of
 * each job, blocking on Atomics.wait between jobs.
 */
import { CALL_WORDS, ERROR, GEN, MODULES, PENDING, STOP, threadBase, waitWhile, type HelperInit } from './pool-layout';

type Fn = (...args: number[]) => unknown;

self.onmessage = (e: MessageEvent<HelperInit>) => {
  const { memory, control, index } = e.data;
  const ctl = new Int32Array(control);
  const calls = new Float64Array(control);
  const modules: Fn[][] = [];
  const fnOf = (id: number): Fn => {
    const [mod, exp] = [id >> 8, id & 255];
    if (!modules[mod]) {
      const [ptr, len] = [ctl[MODULES + 2 * mod], ctl[MODULES + 2 * mod + 1]];
      // slice: a private copy, since the bytes sit in shared memory.
      const bytes = new Uint8Array(memory.buffer, ptr, len).slice();
      const module = new WebAssembly.Module(bytes);
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      modules[mod] = WebAssembly.Module.exports(module).map((x) => instance.exports[x.name] as Fn);
    }
    return modules[mod][exp];
  };
  postMessage('ready');
  let seen = Atomics.load(ctl, GEN);
  for (;;) {
    waitWhile(ctl, GEN, seen);
    seen = Atomics.load(ctl, GEN);
    if (Atomics.load(ctl, STOP)) return;
    try {
      const base = threadBase(index);
      const n = calls[base];
      for (let c = 0; c < n; c++) {
        const at = base + 1 + c * CALL_WORDS;
        const args = Array.from(calls.subarray(at + 2, at + 2 + calls[at + 1]));
        fnOf(calls[at])(...args);
      }
    } catch (err) {
      console.error('kernel helper', index, err);
      Atomics.store(ctl, ERROR, 1);
    }
    if (Atomics.sub(ctl, PENDING, 1) === 1) Atomics.notify(ctl, PENDING);
  }
};
