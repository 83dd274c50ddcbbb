import { gemmModule, MR, NR } from './gemm-wasm';
import { HAS_RELAXED_FMA } from './wasm-asm';
import { compileKernelModule, cut, MULTIPLY_ADD_PARALLEL_MIN, partsFor, runCalls, threadsFor, type Call, type KernelModule } from './pool';
import { isShared, type HeapModule } from './tfjs-internals';

export { HAS_RELAXED_FMA };

type Fn = (...args: number[]) => number;

export type { HeapModule };

export interface Compiled {
  mod: KernelModule;
  micro: Fn[];
  microRelu: Fn[];
  gemm: Fn;
  gemmRelu: Fn;
  packA: Fn;
  packB: Fn;
  packPatches: Fn;
}

const cache = new WeakMap<WebAssembly.Memory, Compiled>();

/** The GEMM module bound to one WebAssembly memory (tfjs's heap); compiled once per memory. */
export function gemmKernels(memory: WebAssembly.Memory): Compiled {
  let c = cache.get(memory);
  if (c) return c;
  const mod = compileKernelModule(memory, gemmModule(HAS_RELAXED_FMA, isShared(memory)));
  const ex = mod.exports;
  const micros = (suffix: string) => Array.from({ length: MR }, (_, i) => ex[`micro${i + 1}${suffix}`]);
  c = { mod, micro: micros(''), microRelu: micros('_relu'), gemm: ex.gemm, gemmRelu: ex.gemm_relu, packA: ex.packA, packB: ex.packB, packPatches: ex.packPatches };
  cache.set(memory, c);
  return c;
}

/** How often gemm ran: lets tests see that the registered kernels are the ones running. */
export const gemmStats = { calls: 0 };

export interface GemmArgs {
  /** Byte offsets of A, B and C (and the bias, 0 for none) on the heap. */
  a: number;
  b: number;
  c: number;
  bias: number;
  m: number;
  k: number;
  n: number;
  /** A is stored [k, m] / B is stored [n, k] (tfjs's transposeA / transposeB). */
  transposeA: boolean;
  transposeB: boolean;
  relu: boolean;
  /**
   * Calls that pack B into dst (panels of 8 columns, k steps of 8 floats), each writing its own
   * panels, so threads may share them; then `b` is unused.
   */
  packB?: (k: Compiled, dst: number) => Call[];
}

/**
 * C[m, n] = act(op(A)·op(B) + bias) on tfjs-backend-wasm's heap, with our own SIMD kernels: both
 * operands are packed (which is where a transposed operand costs nothing extra), then 6×8 tiles
 * accumulate over k with relaxed SIMD's fused multiply-add where the engine has it. On this
 * machine that ran [128, 784]·[784, 400] at ~48 GFLOP/s against XNNPACK's ~22 (no FMA in its build).
 */
export function gemm(heap: HeapModule, memory: WebAssembly.Memory, g: GemmArgs): void {
  gemmStats.calls++;
  const k = gemmKernels(memory);
  const { m, n } = g;
  const depth = g.k;
  const panels = Math.ceil(n / NR);
  const apBytes = 4 * m * depth;
  const bpBytes = 4 * panels * NR * depth;
  const biasBytes = 4 * panels * NR;
  const scratch = heap._malloc(apBytes + bpBytes + biasBytes + 4 * MR * NR);
  const [ap, bp, bias, tile] = [scratch, scratch + apBytes, scratch + apBytes + bpBytes, scratch + apBytes + bpBytes + biasBytes];
  try {
    const f32 = new Float32Array(memory.buffer);
    f32.fill(0, bias >> 2, (bias + biasBytes) >> 2);
    if (g.bias) f32.copyWithin(bias >> 2, g.bias >> 2, (g.bias >> 2) + n);
    const threads = threadsFor(memory, m * n * depth, MULTIPLY_ADD_PARALLEL_MIN);
    const call = (name: string, ...args: number[]): Call => ({ mod: k.mod, name, args });
    // Packing, shared out too: A by blocks of MR rows, B by panels of NR columns (each part
    // writes its own blocks and panels; a copy, so no rounding anywhere).
    const [sm, sk] = g.transposeA ? [4, 4 * m] : [4 * depth, 4];
    const blocks = Math.ceil(m / MR);
    const packA = cut(blocks, partsFor(blocks, threads), (b0, b1) => [call('packA', g.a + b0 * MR * sm, ap + 4 * b0 * MR * depth, Math.min(m, b1 * MR) - b0 * MR, depth, sm, sk)]);
    const [bk, bn] = g.transposeB ? [4, 4 * depth] : [4 * n, 4];
    const packB = g.packB
      ? g.packB(k, bp)
      : cut(panels, partsFor(panels, threads), (j0, j1) => [call('packB', g.b + j0 * NR * bn, bp + 4 * NR * j0 * depth, depth, Math.min(n, j1 * NR) - j0 * NR, bk, bn)]);
    runCalls(memory, [...packA, ...packB], threads > 1);
    const micro = g.relu ? k.microRelu : k.micro;
    const name = g.relu ? 'gemm_relu' : 'gemm';
    const fullRows = Math.floor(m / MR);
    const fullPanels = Math.floor(n / NR);
    const ldc = 4 * n;
    // Runs of whole panels (or, when too few, of row blocks), each thread taking runs as it comes
    // free: every element of C is summed by the same tile function in the same order whichever
    // thread runs it, so the result is bit for bit the one-thread result.
    const byPanels = fullPanels >= threads || fullRows < threads;
    const rest = m - fullRows * MR;
    const aRest = ap + 4 * fullRows * MR * depth;
    // The last rows (fewer than MR) under panels p0..p1, in one call.
    const restRows = (p0: number, p1: number) =>
      call(`rows${rest}${g.relu ? '_relu' : ''}`, aRest, bp + 4 * NR * p0 * depth, g.c + fullRows * MR * ldc + 4 * NR * p0, 1, depth, p1 - p0, ldc, bias + 4 * NR * p0);
    runCalls(memory, [
      ...(byPanels
        ? cut(fullPanels, partsFor(fullPanels, threads), (p0, p1) => [
            call(name, ap, bp + 4 * NR * p0 * depth, g.c + 4 * NR * p0, fullRows, depth, p1 - p0, ldc, bias + 4 * NR * p0),
            ...(rest > 0 ? [restRows(p0, p1)] : []),
          ])
        : cut(fullRows, partsFor(fullRows, threads), (b0, b1) => [call(name, ap + 4 * b0 * MR * depth, bp, g.c + b0 * MR * ldc, b1 - b0, depth, fullPanels, ldc, bias)])),
      // Cut by row blocks, the rest rows under every panel are one call of their own.
      ...(!byPanels && rest > 0 && fullPanels > 0 ? [restRows(0, fullPanels)] : []),
    ], threads > 1);
    const cols = n - fullPanels * NR;
    if (cols > 0) {
      // The last panel's tiles go through a scratch tile: C has no room for 8 columns there.
      const j = fullPanels;
      for (let i = 0; i * MR < m; i++) {
        const rows = Math.min(MR, m - i * MR);
        micro[rows - 1](ap + 4 * i * MR * depth, bp + 4 * NR * j * depth, tile, depth, 4 * NR, bias + 4 * NR * j);
        const heapF32 = new Float32Array(memory.buffer);
        for (let r = 0; r < rows; r++) {
          const from = (tile >> 2) + r * NR;
          heapF32.copyWithin((g.c >> 2) + (i * MR + r) * n + j * NR, from, from + cols);
        }
      }
    }
  } finally {
    heap._free(scratch);
  }
}

