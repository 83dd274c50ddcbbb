import { gemmKernels, type HeapModule } from './gemm';
import { MR, NR } from './gemm-wasm';
import { convModule } from './conv-direct-wasm';
import { thinConvModule, type ThinShape } from './conv-thin-wasm';
import { kernelsFor } from './kernels';
import { HAS_RELAXED_FMA } from './wasm-asm';
import { isShared } from './tfjs-internals';
import { compileKernelModule, MULTIPLY_ADD_PARALLEL_MIN, runCut, threadsFor, type KernelModule } from './pool';

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
  pad: Padding;
  relu: boolean;
}

/**
 * Filters with at most this many taps (kh·kw·ci) run on the thin kernel (conv-thin-wasm.ts), all
 * taps unrolled in one tile call. A first layer on one channel (9 taps) was left to XNNPACK, on one
 * thread: the generic kernel, which loads and stores a tile once per filter row (3 taps), was no
 * faster on one thread (~1 ms for the conv VAE's 7 M multiply-adds).
 */
export const THIN_TAPS = 32;

/** How often convDirect ran: lets tests see that the registered kernels are the ones running. */
export const convStats = { calls: 0 };

const modules = new WeakMap<WebAssembly.Memory, Map<string, KernelModule>>();

function moduleFor(memory: WebAssembly.Memory, key: string, build: () => Uint8Array) {
  let byShape = modules.get(memory);
  if (!byShape) modules.set(memory, (byShape = new Map()));
  let m = byShape.get(key);
  if (!m) {
    m = compileKernelModule(memory, build());
    byShape.set(key, m);
  }
  return m;
}

/** The thin-conv module for a geometry (a layer's forward conv and its filter gradient share it). */
export function thinModule(memory: WebAssembly.Memory, s: ThinShape): KernelModule {
  return moduleFor(memory, `thin ${JSON.stringify(s)}`, () => thinConvModule(s, HAS_RELAXED_FMA, isShared(memory)));
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Copies n NHWC images at x into zeroed frames at dst, `pad` around each: images shared out over
 * `threads` as the convolution will be, by bulk memory copies (not a JS loop of one call a row).
 */
export function padImages(memory: WebAssembly.Memory, x: number, dst: number, dims: { n: number; h: number; w: number; ci: number }, pad: Padding, threads: number): void {
  const { n, h, w, ci } = dims;
  const [hp, wp] = [h + pad.top + pad.bottom, w + pad.left + pad.right];
  const k = kernelsFor(memory);
  const [rowBytes, dstRow] = [4 * w * ci, 4 * wp * ci];
  const first = pad.top * dstRow + 4 * pad.left * ci;
  runCut(memory, n, threads, (i0, i1) => [k.padCall(x + i0 * h * rowBytes, dst + i0 * hp * dstRow, i1 - i0, h, rowBytes, dstRow, hp * dstRow, first)]);
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
    const threads = threadsFor(memory, n * ho * wo * co * taps, MULTIPLY_ADD_PARALLEL_MIN);
    if (padded) padImages(memory, a.x, xp, a, pad, threads);
    if (a.bias) f32.copyWithin(bias >> 2, a.bias >> 2, (a.bias >> 2) + co);
    else f32.fill(0, bias >> 2, (bias >> 2) + co);
    gemmKernels(memory).packB(a.filter, bp, taps, co, 4 * co, 4);
    const row = 4 * wp * ci;
    const outRow = 4 * wo * co;
    const thin: ThinShape | null = taps <= THIN_TAPS ? { step: 4 * stride * ci, row, kh, kwci: kw * ci, rest: wo % MR } : null;
    const mod = thin
      ? thinModule(memory, thin)
      : moduleFor(memory, `${4 * stride * ci}/${wo % MR}/${row * stride}`, () => convModule(4 * stride * ci, wo % MR, row * stride, HAS_RELAXED_FMA, isShared(memory)));
    const name = `${thin ? 'thinPanel' : 'dconvPanel'}${a.relu ? '_relu' : ''}`;
    // The two panels take the same arguments but for the generic one's filter-row loop (kwci, kh).
    const loopArgs = thin ? [] : [kw * ci, kh, row];
    // Runs of whole images, each call all panels of its images, taken by threads as they come
    // free: an output element is summed by the same tile function in the same order on any
    // thread, so results are bit for bit one thread's.
    runCut(memory, n, threads, (i0, i1) => [{
      mod, name,
      args: [xp + i0 * row * hp, bp, a.out + i0 * ho * outRow, i1 - i0, ho, Math.floor(wo / MR), ...loopArgs, 4 * co, bias, row * hp, row * stride, outRow, co / NR, 4 * NR * taps],
    }]);
  } finally {
    heap._free(scratch);
  }
}
