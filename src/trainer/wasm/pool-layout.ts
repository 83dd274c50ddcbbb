/**
 * The shared control block between the trainer and its kernel helpers (pool.ts, helper.worker.ts).
 *
 * A job is a list of independent calls (each writes its own outputs). Every thread, the trainer
 * included, claims calls one at a time from TICKET and runs them, so a helper the OS has not
 * scheduled (other programs on the cores) delays nothing it has not claimed. TICKET is one 64-bit
 * word, job << 32 | count << 16 | next, so a claim also says how many calls its job has: a claim
 * below that count is a call of the job the ticket names, even for a helper that woke for an
 * earlier job, since a job's calls are all written before its ticket and stay until all are done.
 */
export const GEN = 0; // job number (int32 word): helpers sleep until it changes
export const DONE = 1; // calls of the current job finished
export const ERROR = 2; // 1 when a call threw on a helper (its message is in the console)
export const STOP = 3; // 1: helpers return
export const HELPED = 6; // calls run by helpers, ever (a statistic)
// Threads asleep in Atomics.wait on GEN (helpers) and on DONE (the trainer): a waker calls
// Atomics.notify, a system call, only when one sleeps; most jobs find them still spinning.
export const GEN_SLEEPERS = 7;
export const DONE_SLEEPERS = 8;
export const TICKET = 2; // a BigInt64 word index: int32 words 4–5
export const MODULES = 16; // module table (int32 words): [ptr, len] of each module's bytes on the shared heap
export const MAX_MODULES = 120;
export const MAX_ARGS = 16;
/** Calls in one job; `next` must stay below 2¹⁶ even after every thread over-claims once. */
export const MAX_CALLS = 1024;
/** One call: fn id (module·256 + export index), arg count, args (float64: a JS number holds any i32 or f32 exactly). */
export const CALL_WORDS = 2 + MAX_ARGS;
export const CALLS_BYTE = 1024;
export const MAX_HELPERS = 15;
export const CONTROL_BYTES = CALLS_BYTE + 8 * CALL_WORDS * MAX_CALLS;

/** Where call c starts, in float64 words. */
export const callBase = (c: number) => CALLS_BYTE / 8 + c * CALL_WORDS;

export const ticket = (job: number, count: number) => (BigInt(job & 0x7fffffff) << 32n) | (BigInt(count) << 16n);

/** Takes the next call of the job: [job, count, index]; index ≥ count when none is left. */
export function claim(ticket64: BigInt64Array): [number, number, number] {
  const v = Atomics.add(ticket64, TICKET, 1n);
  return [Number(v >> 32n), Number((v >> 16n) & 0xffffn), Number(v & 0xffffn)];
}

/**
 * How long a thread spins on the control word before sleeping in Atomics.wait, in ms: a step's
 * kernels come a fraction of a millisecond apart, and waking a sleeping thread costs tens of µs.
 */
export const SPIN_MS = 0.05;

/**
 * Spins until ctl[i] is no longer `value` or SPIN_MS pass; then sleeps on it until it changes,
 * counted in ctl[sleepers] meanwhile. The count goes up before the wait, which sleeps only while
 * ctl[i] still holds `value`: a waker that changed ctl[i] and then read no sleeper cannot miss one.
 */
export function waitWhile(ctl: Int32Array, i: number, value: number, sleepers: number): void {
  const until = performance.now() + SPIN_MS;
  for (let n = 0; Atomics.load(ctl, i) === value; n++) {
    if ((n & 63) === 63 && performance.now() > until) {
      Atomics.add(ctl, sleepers, 1);
      Atomics.wait(ctl, i, value);
      Atomics.sub(ctl, sleepers, 1);
      return;
    }
  }
}

/** Wakes the threads asleep on ctl[i] (after ctl[i] changed), if any. */
export function wake(ctl: Int32Array, i: number, sleepers: number): void {
  if (Atomics.load(ctl, sleepers) > 0) Atomics.notify(ctl, i);
}

export interface HelperInit {
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  index: number;
}
