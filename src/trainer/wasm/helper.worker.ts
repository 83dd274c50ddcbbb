/// <reference lib="webworker" />
/**
 * A kernel helper thread (pool.ts): it imports tfjs's shared WASM memory, compiles the same
 * generated kernel modules as the trainer (their bytes lie on that heap) and, for each job, claims
 * and runs calls until none is left, sleeping in Atomics.wait between jobs.
 */
import { callBase, claim, DONE, DONE_SLEEPERS, ERROR, GEN, GEN_SLEEPERS, HELPED, MODULES, STOP, waitWhile, wake, type HelperInit } from './pool-layout';

type Fn = (...args: number[]) => unknown;

self.onmessage = (e: MessageEvent<HelperInit>) => {
  const { memory, control, index } = e.data;
  const ctl = new Int32Array(control);
  const ticket = new BigInt64Array(control);
  const calls = new Float64Array(control);
  const modules: Fn[][] = [];
  const fnOf = (id: number): Fn => {
    const [mod, exp] = [id >> 8, id & 255];
    if (!modules[mod]) {
      const [ptr, len] = [ctl[MODULES + 2 * mod], ctl[MODULES + 2 * mod + 1]];
      // slice: a private copy, since the bytes sit in shared memory.
      const module = new WebAssembly.Module(new Uint8Array(memory.buffer, ptr, len).slice());
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      modules[mod] = WebAssembly.Module.exports(module).map((x) => instance.exports[x.name] as Fn);
    }
    return modules[mod][exp];
  };
  postMessage('ready');
  let seen = Atomics.load(ctl, GEN);
  for (;;) {
    waitWhile(ctl, GEN, seen, GEN_SLEEPERS);
    seen = Atomics.load(ctl, GEN);
    if (Atomics.load(ctl, STOP)) return;
    for (;;) {
      // A claim below the count is a call of the job the ticket names, whichever job this thread
      // woke for: that job's calls were all written before its ticket, and stay until all are done.
      const [, count, i] = claim(ticket);
      if (i >= count) break;
      try {
        const at = callBase(i);
        fnOf(calls[at])(...calls.subarray(at + 2, at + 2 + calls[at + 1]));
      } catch (err) {
        console.error('kernel helper', index, err);
        Atomics.store(ctl, ERROR, 1);
      }
      Atomics.add(ctl, HELPED, 1);
      if (Atomics.add(ctl, DONE, 1) + 1 === count) wake(ctl, DONE, DONE_SLEEPERS);
    }
  }
};
