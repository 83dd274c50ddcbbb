import { isShared } from './tfjs-internals';
import { compileKernelModule, type Call, type KernelModule } from './pool';
import { bernoulliDef } from './bernoulli-wasm';
import { padDef, reluGradDef, stridedCopyDef, unitBytesDef } from './elementwise-wasm';
import { assemble, f32, i32, op, repeat, v128, type FuncDef, type ValType } from './wasm-asm';

/**
 * SIMD kernels that run inside tfjs-backend-wasm's memory: pointers are tensors' heap offsets.
 * JS loops were too slow for these (a scalar JS Adam over 653k weights took 14 ms, stock tfjs 9 ms;
 * this one ~1 ms): division and sqrt need 4 lanes at a time.
 */
export interface Kernels {
  /**
   * The call for Adam over floats [0, n4) (n4 a multiple of 4), every operation rounded to float32 in the
   * order tfjs's Adam applies its kernels: m' = b1·m + c1·g; v' = b2·v + c2·g²;
   * w' = ((m' / d1) / (√(v' / d2) + eps))·nlr + w. Pointers [w, g, m, v] in, [w', m', v'] out;
   * an output may be its input.
   */
  adamCall(input: [number, number, number, number], output: [number, number, number], n4: number, k: AdamConstants): Call;
  mod: KernelModule;
  /** 1 when floats [0, n4) at p are all finite (n4 a multiple of 4), else 0. */
  finite(p: number, n4: number): number;
  /**
   * The call for dst[j] = Σ_r src[r·cols + j], every column j < cols, rows summed in order: a sum
   * over the leading axes, without the transpose tfjs-backend-wasm's Sum makes first.
   */
  columnSumCall(src: number, dst: number, rows: number, cols: number): Call;
  /**
   * The call for rows [0, rows) of a Bernoulli likelihood (bernoulli-wasm.ts): out[r] = Σ x·l − softplus(l)
   * and g = x − sigmoid(l), from x and logits l of `d` floats a row (d a multiple of 4).
   */
  bernoulliCall(x: number, l: number, g: number, out: number, rows: number, d: number): Call;
  /** The call for out = y > 0 ? dy : 0 over floats [0, n4) (n4 a multiple of 4). */
  reluGradCall(dy: number, y: number, out: number, n4: number): Call;
  /**
   * The call for n images of h rows of rowBytes at src into zeroed frames at dst (elementwise-wasm.ts):
   * frames dstImgBytes apart, rows dstRowBytes apart, row 0 at byte firstRow of its frame.
   */
  padCall(src: number, dst: number, n: number, h: number, rowBytes: number, dstRowBytes: number, dstImgBytes: number, firstRow: number): Call;
  /** The call copying n × h × w blocks of `block` bytes between two 3-level strided layouts (elementwise-wasm.ts). */
  stridedCopyCall(src: number, dst: number, n: number, bS: number, bD: number, h: number, iS: number, iD: number, w: number, jS: number, jD: number, block: number): Call;
  /** dst[i] = src[i] / 255 for 8·n8 bytes at src (floats at dst), here on this thread. */
  unitBytes(src: number, dst: number, n8: number): void;
}

export interface AdamConstants {
  b1: number;
  c1: number;
  b2: number;
  c2: number;
  d1: number;
  d2: number;
  eps: number;
  nlr: number;
}

const ADAM_CONSTS = ['b1', 'c1', 'b2', 'c2', 'd1', 'd2', 'eps', 'nlr'] as const;

function adamDef(): FuncDef {
  // Params: 0 w, 1 g, 2 m, 3 v, 4 w', 5 m', 6 v', 7 n4, 8–15 the constants. Locals: 16 i,
  // 17 end, 18–25 the constants splatted, 26 g, 27 m', 28 v'.
  const [W, Gp, Mp, Vp, WO, MO, VO, N4] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [I, END, G, M, V] = [16, 17, 26, 27, 28];
  const K = (name: (typeof ADAM_CONSTS)[number]) => op.get(18 + ADAM_CONSTS.indexOf(name));
  const at = (base: number) => [op.get(base), op.get(I), op.i32add];
  return {
    name: 'adam',
    params: [i32, i32, i32, i32, i32, i32, i32, i32, ...ADAM_CONSTS.map((): ValType => f32)],
    locals: [i32, i32, ...ADAM_CONSTS.map((): ValType => v128), v128, v128, v128],
    body: [
      ...ADAM_CONSTS.flatMap((_, k) => [op.get(8 + k), op.f32x4splat, op.set(18 + k)]),
      op.get(N4), op.i32(2), op.i32shl, op.set(END),
      op.i32(0), op.set(I),
      op.block,
      op.get(I), op.get(END), op.i32geU, op.brIf(0),
      op.loop,
      ...at(Gp), op.load(), op.set(G),
      // m' = m·b1 + g·c1
      ...at(MO), ...at(Mp), op.load(), K('b1'), op.f32x4mul, op.get(G), K('c1'), op.f32x4mul, op.f32x4add, op.tee(M), op.store(),
      // v' = v·b2 + (g·g)·c2
      ...at(VO), ...at(Vp), op.load(), K('b2'), op.f32x4mul, op.get(G), op.get(G), op.f32x4mul, K('c2'), op.f32x4mul, op.f32x4add,
      op.tee(V), op.store(),
      // w' = ((m' / d1) / (√(v' / d2) + eps))·nlr + w
      ...at(WO),
      op.get(M), K('d1'), op.f32x4div,
      op.get(V), K('d2'), op.f32x4div, op.f32x4sqrt, K('eps'), op.f32x4add,
      op.f32x4div, K('nlr'), op.f32x4mul,
      ...at(W), op.load(), op.f32x4add, op.store(),
      op.get(I), op.i32(16), op.i32add, op.tee(I), op.get(END), op.i32ltU, op.brIf(0),
      op.end,
      op.end,
    ],
  };
}

function finiteDef(): FuncDef {
  // Params: 0 p, 1 n4. Locals: 2 i, 3 end, 4 acc. x·0 is 0 for finite x and NaN otherwise.
  const [I, END, ACC] = [2, 3, 4];
  return {
    name: 'finite',
    params: [i32, i32],
    results: [i32],
    locals: [i32, i32, v128],
    body: [
      op.get(1), op.i32(2), op.i32shl, op.set(END),
      op.i32(0), op.set(I),
      op.block,
      op.get(I), op.get(END), op.i32geU, op.brIf(0),
      op.loop,
      op.get(0), op.get(I), op.i32add, op.load(), op.f32(0), op.f32x4splat, op.f32x4mul, op.get(ACC), op.f32x4add, op.set(ACC),
      op.get(I), op.i32(16), op.i32add, op.tee(I), op.get(END), op.i32ltU, op.brIf(0),
      op.end,
      op.end,
      op.get(ACC), op.get(ACC), op.f32x4eq, op.i32x4allTrue,
    ],
  };
}

function columnSumDef(): FuncDef {
  // Params: 0 src, 1 dst, 2 rows, 3 cols, 4 c4. Locals: 5 j (byte offset), 6 r, 7 p, 8–11 acc,
  // 12 end, 13 stride, 14 scalar acc. Columns down all rows, four vectors (a 64-byte line) at a
  // time while they last, then one vector, then single floats: accumulators stay in registers and
  // each pass over the rows reads whole cache lines.
  const [SRC, DST, ROWS, COLS, C4, J, R, P, END, STRIDE, S] = [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14];
  const ACC = [8, 9, 10, 11];
  const downRows = (body: number[][]) => [
    op.get(SRC), op.get(J), op.i32add, op.set(P),
    ...repeat(R, ROWS, [...body, op.get(P), op.get(STRIDE), op.i32add, op.set(P)]),
  ];
  // Columns from j while j + width ≤ end, `width` bytes a pass.
  const fits = (width: number, end: number[][]) => [...end, op.get(J), op.i32(width), op.i32add, op.i32ltU, op.i32eqz];
  const columns = (width: number, end: number[][], body: number[][]) => [
    op.block, ...fits(width, end), op.i32eqz, op.brIf(0),
    op.loop, ...body,
    op.get(J), op.i32(width), op.i32add, op.set(J),
    ...fits(width, end), op.brIf(0),
    op.end, op.end,
  ];
  const vectors = (k: number) => [
    ...ACC.slice(0, k).flatMap((a) => [op.f32x4const(0), op.set(a)]),
    ...downRows(ACC.slice(0, k).flatMap((a, i) => [op.get(a), op.get(P), op.load(16 * i), op.f32x4add, op.set(a)])),
    ...ACC.slice(0, k).flatMap((a, i) => [op.get(DST), op.get(J), op.i32add, op.get(a), op.store(16 * i)]),
  ];
  return {
    name: 'columnSum',
    params: [i32, i32, i32, i32, i32],
    locals: [i32, i32, i32, v128, v128, v128, v128, i32, i32, f32],
    body: [
      op.get(C4), op.i32(2), op.i32shl, op.set(END),
      op.get(COLS), op.i32(2), op.i32shl, op.set(STRIDE),
      op.i32(0), op.set(J),
      ...columns(64, [op.get(END)], vectors(4)),
      ...columns(16, [op.get(END)], vectors(1)),
      ...columns(4, [op.get(STRIDE)], [
        op.f32(0), op.set(S),
        ...downRows([op.get(S), op.get(P), op.f32load(), op.f32add, op.set(S)]),
        op.get(DST), op.get(J), op.i32add, op.get(S), op.f32store(),
      ]),
    ],
  };
}

const cache = new WeakMap<WebAssembly.Memory, Kernels>();

/** The kernels bound to one WebAssembly memory (tfjs's heap); compiled once per memory. */
export function kernelsFor(memory: WebAssembly.Memory): Kernels {
  let k = cache.get(memory);
  if (k) return k;
  const mod = compileKernelModule(memory, assemble([adamDef(), finiteDef(), columnSumDef(), bernoulliDef(), reluGradDef(), padDef(), stridedCopyDef(), unitBytesDef()], isShared(memory)));
  const ex = mod.exports;
  k = {
    mod,
    adamCall: (input, output, n4, c) => ({ mod, name: 'adam', args: [...input, ...output, n4, ...ADAM_CONSTS.map((name) => c[name])] }),
    finite: (p, n4) => ex.finite(p, n4),
    columnSumCall: (src, dst, rows, cols) => ({ mod, name: 'columnSum', args: [src, dst, rows, cols, cols & ~3] }),
    bernoulliCall: (x, l, g, out, rows, d) => ({ mod, name: 'bernoulli', args: [x, l, g, out, rows, d] }),
    reluGradCall: (dy, y, out, n4) => ({ mod, name: 'reluGrad', args: [dy, y, out, n4] }),
    padCall: (...args) => ({ mod, name: 'pad', args }),
    stridedCopyCall: (...args) => ({ mod, name: 'stridedCopy', args }),
    unitBytes: (src, dst, n8) => ex.unitBytes(src, dst, n8),
  };
  cache.set(memory, k);
  return k;
}
