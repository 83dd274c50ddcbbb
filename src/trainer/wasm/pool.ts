import {
  callBase, claim, CONTROL_BYTES, DONE, DONE_SLEEPERS, ERROR, GEN, GEN_SLEEPERS, HELPED, MAX_ARGS, MAX_CALLS, MAX_HELPERS, MAX_MODULES, MODULES,
  STOP, TICKET, ticket, waitWhile, wake, type HelperInit,
} from './pool-layout';
import { isShared, memoryOf, type WasmBackendInternals } from './tfjs-internals';

type Fn = (...args: number[]) => number;

/** A generated kernel module, compiled for one memory; its bytes go to the helpers on first use. */
export interface KernelModule {
  bytes: Uint8Array;
  exports: Record<string, Fn>;
  /** Export index by name, as WebAssembly.Module.exports lists them (helpers number them alike). */
  index: Map<string, number>;
  /** Its number in the pool's module table, once registered. */
  id?: number;
}

/** One kernel call: an export of a module and its arguments (i32 or f32 values). */
export interface Call {
  mod: KernelModule;
  name: string;
  args: number[];
}

export function compileKernelModule(memory: WebAssembly.Memory, bytes: Uint8Array): KernelModule {
  const module = new WebAssembly.Module(bytes as BufferSource);
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<string, Fn>;
  const index = new Map(WebAssembly.Module.exports(module).map((e, i) => [e.name, i]));
  return { bytes, exports, index };
}

const runCall = (c: Call) => void c.mod.exports[c.name](...c.args);

/** Trainer-side handle on the helper threads: a shared control block and N−1 workers. */
class KernelPool {
  private readonly ctl: Int32Array;
  private readonly ticket: BigInt64Array;
  private readonly calls: Float64Array;
  private modules = 0;
  private job = 0;
  /** Calls run through the pool, ever. */
  callsRun = 0;

  /** Calls the helpers ran, ever. */
  get helped(): number {
    return Atomics.load(this.ctl, HELPED);
  }

  constructor(
    readonly backend: WasmBackendInternals,
    readonly memory: WebAssembly.Memory,
    control: SharedArrayBuffer,
    private readonly workers: Worker[],
  ) {
    this.ctl = new Int32Array(control);
    this.ticket = new BigInt64Array(control);
    this.calls = new Float64Array(control);
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /** Runs the calls on this thread and the helpers, each call once, in any order; returns when all are done. */
  run(list: Call[]): void {
    list.forEach((c, i) => {
      if (c.args.length > MAX_ARGS) throw new Error(`kernel pool: ${c.name} has ${c.args.length} arguments, at most ${MAX_ARGS}`);
      const at = callBase(i);
      this.calls[at] = (this.register(c.mod) << 8) | c.mod.index.get(c.name)!;
      this.calls[at + 1] = c.args.length;
      this.calls.set(c.args, at + 2);
    });
    this.job = (this.job + 1) & 0x7fffffff;
    this.callsRun += list.length;
    Atomics.store(this.ctl, ERROR, 0);
    Atomics.store(this.ctl, DONE, 0);
    // The ticket after the calls: a claim below its count finds them written.
    Atomics.store(this.ticket, TICKET, ticket(this.job, list.length));
    Atomics.store(this.ctl, GEN, this.job);
    wake(this.ctl, GEN, GEN_SLEEPERS);
    let failure: unknown = null;
    for (;;) {
      const [, count, i] = claim(this.ticket);
      if (i >= count) break;
      try {
        runCall(list[i]);
      } catch (e) {
        failure ??= e;
      }
      Atomics.add(this.ctl, DONE, 1);
    }
    // The trainer runs in a worker, where Atomics.wait may block.
    for (let d = Atomics.load(this.ctl, DONE); d !== list.length; d = Atomics.load(this.ctl, DONE)) waitWhile(this.ctl, DONE, d, DONE_SLEEPERS);
    if (failure) throw failure;
    if (Atomics.load(this.ctl, ERROR)) throw new Error('A WASM kernel helper thread failed (see the console)');
  }

  /** Puts a module's bytes on the shared heap (for good: a handful of modules) for the helpers. */
  private register(mod: KernelModule): number {
    if (mod.id !== undefined) return mod.id;
    if (this.modules >= MAX_MODULES) throw new Error(`kernel pool: more than ${MAX_MODULES} kernel modules`);
    const ptr = this.backend.wasm._malloc(mod.bytes.length);
    new Uint8Array(this.memory.buffer, ptr, mod.bytes.length).set(mod.bytes);
    mod.id = this.modules++;
    this.ctl[MODULES + 2 * mod.id] = ptr;
    this.ctl[MODULES + 2 * mod.id + 1] = mod.bytes.length;
    return mod.id;
  }

  stop(): void {
    Atomics.store(this.ctl, STOP, 1);
    Atomics.add(this.ctl, GEN, 1);
    Atomics.notify(this.ctl, GEN);
    this.workers.forEach((w) => w.terminate());
  }
}

let pool: KernelPool | null = null;
let unavailable = 'not started';
/** Tests: split work as if there were this many threads, run one after another here. */
let virtualThreads = 1;

/** While set, every kernel runs on this thread alone (threadCheck.ts's reference results). */
let suspended = false;

/** How many threads share a kernel on this memory (1 without a pool). */
export function kernelThreads(memory: WebAssembly.Memory): number {
  if (suspended) return 1;
  return pool && pool.memory === memory ? pool.threads : virtualThreads;
}

/** f() with every kernel on this thread alone. */
export function onOneThread<T>(f: () => T): T {
  suspended = true;
  try {
    return f();
  } finally {
    suspended = false;
  }
}

/**
 * Runs independent calls (each writes only its own outputs) on the kernel threads, or here alone
 * when `parallel` is false (work too small to be worth waking them); returns when all are done.
 */
export function runCalls(memory: WebAssembly.Memory, list: Call[], parallel = true): void {
  if (parallel && !suspended && pool && pool.memory === memory && list.length > 1 && list.length <= MAX_CALLS) pool.run(list);
  else list.forEach(runCall);
}

/** How many kernel calls went through the pool and how many of them the helpers ran. */
export function poolStats(): { calls: number; helped: number } {
  return pool ? { calls: pool.callsRun, helped: pool.helped } : { calls: 0, helped: 0 };
}

/** Test hook: split kernels for `n` threads but run the parts in turn on this one. */
export function splitForTesting(n: number): void {
  virtualThreads = n;
}

/** Why the kernels run on one thread, or null when they have helpers. */
export function singleThreadReason(): string | null {
  return pool ? null : unavailable;
}

/**
 * Starts the kernel helpers for this backend's memory: hardwareConcurrency − 1 workers, when the
 * page is cross-origin isolated (so tfjs loaded its threaded build, whose memory is shared).
 * Resolves with the number of threads kernels will use (1 when helpers cannot run).
 */
export async function startKernelPool(backend: WasmBackendInternals, cores = navigator.hardwareConcurrency || 1): Promise<number> {
  const memory = memoryOf(backend);
  if (pool?.memory === memory) return pool.threads;
  pool?.stop();
  pool = null;
  if (!globalThis.crossOriginIsolated) return none('the page is not cross-origin isolated');
  if (!isShared(memory)) return none("tfjs's WASM memory is not shared");
  const helpers = Math.min(MAX_HELPERS, Math.max(0, cores - 1));
  if (helpers === 0) return none(cores < (navigator.hardwareConcurrency || 1) ? 'one thread asked for' : 'one CPU core');
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const workers = Array.from({ length: helpers }, () => new Worker(new URL('./helper.worker.ts', import.meta.url), { type: 'module' }));
  try {
    await Promise.all(
      workers.map(
        (w, index) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('a kernel helper did not start in 10 s')), 10_000);
            w.onmessage = () => (clearTimeout(timer), resolve());
            w.onerror = (e) => (clearTimeout(timer), reject(new Error(`a kernel helper failed: ${e.message}`)));
            w.postMessage({ memory, control, index } satisfies HelperInit);
          }),
      ),
    );
  } catch (e) {
    workers.forEach((w) => w.terminate());
    return none(e instanceof Error ? e.message : String(e));
  }
  pool = new KernelPool(backend, memory, control, workers);
  return pool.threads;
}

function none(reason: string): number {
  unavailable = reason;
  return 1;
}

/** Parts per thread a kernel is cut into: more balance the load when a thread is slow to run. */
const PARTS_PER_THREAD = 4;

/** How many parts to cut `n` items into for `threads` threads (1 on one thread). */
export function partsFor(n: number, threads: number): number {
  return threads <= 1 ? 1 : Math.max(1, Math.min(n, threads * PARTS_PER_THREAD));
}

/** The calls for `n` items cut into `parts` contiguous runs, `make` giving a run [from, to)'s calls. */
export function cut(n: number, parts: number, make: (from: number, to: number) => Call[]): Call[] {
  return Array.from({ length: parts }, (_, t) => share(n, parts, t)).flatMap(([from, to]) => (to > from ? make(from, to) : []));
}

/** Below this many multiply-adds a GEMM or a convolution stays on one thread: waking helpers costs more. */
export const MULTIPLY_ADD_PARALLEL_MIN = 1 << 19;

/** Below this many floats an element-wise pass (likelihood, relu's gradient, an interleave) stays on one thread: waking helpers costs more. */
export const ELEMENTWISE_PARALLEL_MIN = 1 << 16;

/** Threads for a kernel of `work` units: every kernel thread, or one below `min`. */
export function threadsFor(memory: WebAssembly.Memory, work: number, min: number): number {
  return work >= min ? kernelThreads(memory) : 1;
}

/** Runs `make`'s calls for `n` items cut into runs for `threads` threads (see cut and runCalls). */
export function runCut(memory: WebAssembly.Memory, n: number, threads: number, make: (from: number, to: number) => Call[]): void {
  runCalls(memory, cut(n, partsFor(n, threads), make), threads > 1);
}

/** [from, to) of `n` items for part t of `parts`, in contiguous, nearly equal runs. */
export function share(n: number, parts: number, t: number): [number, number] {
  return [Math.floor((n * t) / parts), Math.floor((n * (t + 1)) / parts)];
}
