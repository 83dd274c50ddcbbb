import { gemmKernels, type HeapModule } from './gemm';
import { MR, NR } from './gemm-wasm';
import { convModule } from './conv-direct-wasm';
import { kernelsFor } from './kernels';
import { HAS_RELAXED_FMA } from './wasm-asm';
import { isShared } from './tfjs-internals';
import { compileKernelModule, runCut, threadsFor, type Call, type KernelModule } from './pool';

export interface ConvArgs {
  /** Byte offsets on the heap: input [n, h, w, ci], filter [kh, kw, ci, co], bias [co] or 0, output [n, ho, wo, co]. */
  x: number;
  filter: number;
  bias: number;
  out: number;
  n: number;
  h: number;
  w: number;
  ci: number;
  kh: number;
  kw: number;
  co: number;
  stride: number;
  ho: number;
  wo: number;
  pad: { top: number; bottom: number; left: number; right: number };
  relu: boolean;
}

/** Below this many multiply-adds a convolution stays on one thread. */
const PARALLEL_MIN = 1 << 19;

/** How often convDirect ran: lets tests see that the registered kernels are the ones running. */
export const convStats = { calls: 0 };

const modules = new WeakMap<WebAssembly.Memory, Map<string, KernelModule>>();

function moduleFor(memory: WebAssembly.Memory, step: number, rest: number) {
  let byShape = modules.get(memory);
  if (!byShape) modules.set(memory, (byShape = new Map()));
  const key = `${step}/${rest}`;
  let m = byShape.get(key);
  if (!m) {
    m = compileKernelModule(memory, convModule(step, rest, HAS_RELAXED_FMA, isShared(memory)));
    byShape.set(key, m);
  }
  return m;
}

/**
 * act(conv2d(x, W) + bias), NHWC, stride s in both directions, output channels a multiple of 8, on
 * tfjs-backend-wasm's heap with our SIMD kernels: tiles of 6 neighbouring output positions × 8
 * channels read the (padded) input directly — no patch matrix — and accumulate over the filter's
 * taps with relaxed SIMD's FMA. A module is compiled per (stride·ci, wo mod 6), since the distance
 * between neighbouring positions is baked into the loads as an immediate offset.
 */
export function convDirect(heap: HeapModule, memory: WebAssembly.Memory, a: ConvArgs): void {
  convStats.calls++;
  const { n, h, w, ci, kh, kw, co, stride, ho, wo, pad } = a;
  const [hp, wp] = [h + pad.top + pad.bottom, w + pad.left + pad.right];
  const padded = pad.top + pad.bottom + pad.left + pad.right > 0;
  const taps = kh * kw * ci;
  const xBytes = padded ? 4 * n * hp * wp * ci : 0;
  const wBytes = 4 * taps * co;
  const scratch = heap._malloc(xBytes + wBytes + 4 * co);
  const [xp, bp, bias] = [padded ? scratch : a.x, scratch + xBytes, scratch + xBytes + wBytes];
  try {
    const f32 = new Float32Array(memory.buffer);
    const threads = threadsFor(memory, n * ho * wo * co * taps, PARALLEL_MIN);
    if (padded) {
      // Images shared out like the convolution's: bulk memory copies, not a JS loop of one call a row.
      const k = kernelsFor(memory);
      const [rowBytes, dstRow] = [4 * w * ci, 4 * wp * ci];
      const first = pad.top * dstRow + 4 * pad.left * ci;
      runCut(memory, n, threads, (i0, i1) => [k.padCall(a.x + i0 * h * rowBytes, xp + i0 * hp * dstRow, i1 - i0, h, rowBytes, dstRow, hp * dstRow, first)]);
    }
    if (a.bias) f32.copyWithin(bias >> 2, a.bias >> 2, (a.bias >> 2) + co);
    else f32.fill(0, bias >> 2, (bias >> 2) + co);
    gemmKernels(memory).packB(a.filter, bp, taps, co, 4 * co, 4);
    const mod = moduleFor(memory, 4 * stride * ci, wo % MR);
    const name = a.relu ? 'dconvPanel_relu' : 'dconvPanel';
    const row = 4 * wp * ci;
    const outRow = 4 * wo * co;
    // Runs of whole images, all panels, taken by threads as they come free: an output element is
    // summed by the same tile function in the same order on any thread, so results are bit for
    // bit one thread's.
    runCut(memory, n, threads, (i0, i1) =>
      Array.from({ length: co / NR }, (_, j): Call => ({
        mod, name,
        args: [xp + i0 * row * hp, bp + 4 * NR * taps * j, a.out + i0 * ho * outRow + 4 * NR * j, i1 - i0, ho, Math.floor(wo / MR), kw * ci, kh, row, 4 * co, bias + 4 * NR * j, row * hp, row * stride, outRow],
      })),
    );
  } finally {
    heap._free(scratch);
  }
}
