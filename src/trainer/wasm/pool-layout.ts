/**
 * The shared control block between the trainer and its kernel helpers (pool.ts, helper.worker.ts).
 * Int32 words at the start; per-thread call lists as float64 (a JS number holds any i32 or f32
 * argument exactly) after CALLS_BYTE.
 */
export const GEN = 0; // job generation: helpers wait for it to change
export const PENDING = 1; // helpers still working on the current job
export const ERROR = 2; // 1 when a helper threw (its message is in the console)
export const STOP = 3; // 1: helpers return
export const MODULES = 16; // module table: [ptr, len] of each module's bytes on the shared heap
export const MAX_MODULES = 120;
export const MAX_ARGS = 16;
export const MAX_CALLS = 96;
/** One call: fn id (module·256 + export index), arg count, args. */
export const CALL_WORDS = 2 + MAX_ARGS;
export const THREAD_WORDS = 1 + MAX_CALLS * CALL_WORDS;
export const CALLS_BYTE = 1024;
export const MAX_HELPERS = 15;
export const CONTROL_BYTES = CALLS_BYTE + 8 * THREAD_WORDS * MAX_HELPERS;

/** Where helper h's call list starts, in float64 words. */
export const threadBase = (h: number) => CALLS_BYTE / 8 + h * THREAD_WORDS;

/**
 * How long a thread spins on the control word before sleeping in Atomics.wait, in ms: a step's
 * kernels come a fraction of a millisecond apart, and waking a sleeping thread costs tens of µs.
 */
export const SPIN_MS = 0.05;

/** Spins until ctl[i] is no longer `value` or SPIN_MS pass; then sleeps on it until it changes. */
export function waitWhile(ctl: Int32Array, i: number, value: number): void {
  const until = performance.now() + SPIN_MS;
  for (let n = 0; Atomics.load(ctl, i) === value; n++) {
    if ((n & 63) === 63 && performance.now() > until) {
      Atomics.wait(ctl, i, value);
      return;
    }
  }
}

export interface HelperInit {
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  index: number;
}
