import { gemmKernels, type HeapModule } from './gemm';
import { MR, NR } from './gemm-wasm';
import { convModule } from './conv-direct-wasm';
import { HAS_RELAXED_FMA } from './wasm-asm';

type Fn = (...args: number[]) => number;

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

/** How often convDirect ran: lets tests see that the registered kernels are the ones running. */
export const convStats = { calls: 0 };

const modules = new WeakMap<WebAssembly.Memory, Map<string, { panel: Fn; panelRelu: Fn }>>();

function moduleFor(memory: WebAssembly.Memory, step: number, rest: number) {
  let byShape = modules.get(memory);
  if (!byShape) modules.set(memory, (byShape = new Map()));
  const key = `${step}/${rest}`;
  let m = byShape.get(key);
  if (!m) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const mod = new WebAssembly.Module(convModule(step, rest, HAS_RELAXED_FMA, shared) as BufferSource);
    const ex = new WebAssembly.Instance(mod, { env: { memory } }).exports as Record<string, Fn>;
    m = { panel: ex.dconvPanel, panelRelu: ex.dconvPanel_relu };
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
    if (padded) {
      f32.fill(0, xp >> 2, (xp + xBytes) >> 2);
      const rowLen = w * ci;
      for (let img = 0; img < n; img++) {
        for (let r = 0; r < h; r++) {
          const from = (a.x >> 2) + (img * h + r) * rowLen;
          f32.copyWithin((xp >> 2) + ((img * hp + r + pad.top) * wp + pad.left) * ci, from, from + rowLen);
        }
      }
    }
    if (a.bias) f32.copyWithin(bias >> 2, a.bias >> 2, (a.bias >> 2) + co);
    else f32.fill(0, bias >> 2, (bias >> 2) + co);
    gemmKernels(memory).packB(a.filter, bp, taps, co, 4 * co, 4);
    const m = moduleFor(memory, 4 * stride * ci, wo % MR);
    const run = a.relu ? m.panelRelu : m.panel;
    const row = 4 * wp * ci;
    for (let j = 0; j < co / NR; j++) {
      run(xp, bp + 4 * NR * taps * j, a.out + 4 * NR * j, n, ho, Math.floor(wo / MR), kw * ci, kh, row, 4 * co, bias + 4 * NR * j, row * hp, row * stride, 4 * wo * co);
    }
  } finally {
    heap._free(scratch);
  }
}
