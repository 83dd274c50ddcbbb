/**
 * A tiny WebAssembly assembler: just enough to emit SIMD kernels that import tfjs-backend-wasm's
 * own memory, so they work on tensors in place (no copies, no build step, no toolchain).
 * Opcodes from the WebAssembly 2.0 spec (SIMD: 0xfd prefix).
 */

export const i32 = 0x7f;
export const f32 = 0x7d;
export const v128 = 0x7b;
export type ValType = typeof i32 | typeof f32 | typeof v128;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const str = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const simd = (op: number) => [0xfd, ...uleb(op)];

/** Instructions, as byte arrays to concatenate. Memory offsets are byte offsets. */
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  f32: (x: number) => [0x43, ...new Uint8Array(Float32Array.of(x).buffer)],
  i32add: [0x6a],
  i32sub: [0x6b],
  i32mul: [0x6c],
  i32shl: [0x74],
  i32ltU: [0x49],
  i32geU: [0x4f],
  i32eqz: [0x45],
  i32ltS: [0x48],
  i32geS: [0x4e],
  i32ne: [0x47],
  i32eq: [0x46],
  i32divS: [0x6d],
  i32or: [0x72],
  i32and: [0x71],
  f32load: (offset = 0) => [0x2a, 2, ...uleb(offset)],
  f32store: (offset = 0) => [0x38, 2, ...uleb(offset)],
  f32add: [0x92],
  f32mul: [0x94],
  /** v128 memory access; alignment hint 4 bytes (tfjs's heap allocations are float-aligned). */
  load: (offset = 0) => [...simd(0x00), 2, ...uleb(offset)],
  store: (offset = 0) => [...simd(0x0b), 2, ...uleb(offset)],
  load32Splat: (offset = 0) => [...simd(0x09), 2, ...uleb(offset)],
  /** v128.load8x8_u: 8 bytes, each widened to a u16 lane; alignment hint 1 byte. */
  load8x8U: (offset = 0) => [...simd(0x02), 0, ...uleb(offset)],
  i32x4extendLowI16x8U: simd(0xa9),
  i32x4extendHighI16x8U: simd(0xaa),
  f32x4convertI32x4U: simd(0xfb),
  f32x4splat: simd(0x13),
  f32x4abs: simd(0xe0),
  f32x4neg: simd(0xe1),
  f32x4sqrt: simd(0xe3),
  f32x4add: simd(0xe4),
  f32x4sub: simd(0xe5),
  f32x4mul: simd(0xe6),
  f32x4div: simd(0xe7),
  f32x4max: simd(0xe9),
  f32x4min: simd(0xe8),
  f32x4nearest: simd(0x6a),
  f32x4ge: simd(0x46),
  /** f32x4.extract_lane: lane 0–3 as an f32. */
  f32x4extractLane: (lane: number) => [...simd(0x1f), lane],
  /** i32x4.trunc_sat_f32x4_s: each float to the nearest int32 toward 0, saturating. */
  i32x4truncSatF32x4: simd(0xf8),
  i32x4add: simd(0xae),
  i32x4shl: simd(0xab),
  /** v128.const of four equal int32s. */
  i32x4const: (n: number) => [...simd(0x0c), ...new Uint8Array(Int32Array.of(n, n, n, n).buffer)],
  /** v128.bitselect(a, b, mask): a's bits where mask is 1, b's where 0. */
  v128bitselect: simd(0x52),
  /** v128.const of four equal floats. */
  f32x4const: (x: number) => [...simd(0x0c), ...new Uint8Array(Float32Array.of(x, x, x, x).buffer)],
  f32x4gt: simd(0x44),
  f32x4eq: simd(0x41),
  v128and: simd(0x4e),
  v128or: simd(0x50),
  i32x4allTrue: simd(0xa3),
  /** f32x4.relaxed_madd: a·b + c, fused where the CPU has FMA (relaxed SIMD). */
  f32x4madd: simd(0x105),
  /** memory.copy (dst, src, bytes) and memory.fill (dst, byte, bytes) of the bulk memory operations. */
  memoryCopy: [0xfc, 0x0a, 0x00, 0x00],
  memoryFill: [0xfc, 0x0b, 0x00],
  if: [0x04, 0x40],
  /** if with an f32 result: both arms leave one f32. */
  ifF32: [0x04, 0x7d],
  else: [0x05],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  ret: [0x0f],
  call: (f: number) => [0x10, ...uleb(f)],
};

/** Counted loop: for (v = from; v < n; v++) body, v and n locals (i32, signed); from is code leaving an i32, default 0. */
export function repeat(v: number, n: number, body: number[][], from: number[][] = [op.i32(0)]): number[][] {
  return [
    ...from, op.set(v),
    op.block, op.get(v), op.get(n), op.i32geS, op.brIf(0),
    op.loop,
    ...body,
    op.get(v), op.i32(1), op.i32add, op.tee(v), op.get(n), op.i32ltS, op.brIf(0),
    op.end, op.end,
  ];
}

/** target += a·b on f32x4 locals: relaxed SIMD's fused multiply-add where the engine has it (fma), else a multiply and an add. */
export function fmaAdd(fma: boolean, a: number, b: number, target: number): number[][] {
  return fma
    ? [op.get(a), op.get(b), op.get(target), op.f32x4madd, op.set(target)]
    : [op.get(a), op.get(b), op.f32x4mul, op.get(target), op.f32x4add, op.set(target)];
}

export interface FuncDef {
  name: string;
  params: ValType[];
  results?: ValType[];
  /** Extra locals, numbered after the params. */
  locals?: ValType[];
  body: number[][];
}

/**
 * A module importing `env.memory` (shared when the tfjs module's memory is: the threaded build)
 * and exporting the given functions.
 */
export function assemble(funcs: FuncDef[], sharedMemory = false): Uint8Array {
  const types = vec(funcs.map((f) => [0x60, ...vec(f.params.map((p) => [p])), ...vec((f.results ?? []).map((r) => [r]))]));
  // Limits: a shared memory must declare a maximum; 65536 pages (4 GiB) admits any.
  const limits = sharedMemory ? [0x03, ...uleb(0), ...uleb(65536)] : [0x00, ...uleb(0)];
  const imports = vec([[...str('env'), ...str('memory'), 0x02, ...limits]]);
  const functions = vec(funcs.map((_, i) => uleb(i)));
  const exports = vec(funcs.map((f, i) => [...str(f.name), 0x00, ...uleb(i)]));
  const bodies = funcs.map((f) => {
    const locals = vec((f.locals ?? []).map((t) => [1, t]));
    const code = [...locals, ...f.body.flat(), ...op.end];
    return [...uleb(code.length), ...code];
  });
  // The custom "name" section (its function-names subsection): CPU profiles then show "gemm",
  // "bernoulli", … instead of wasm-function[5].
  const functionNames = vec(funcs.map((f, i) => [...uleb(i), ...str(f.name)]));
  const names = [...str('name'), 0x01, ...uleb(functionNames.length), ...functionNames];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(2, imports),
    ...section(3, functions),
    ...section(7, exports),
    ...section(10, vec(bodies)),
    ...section(0, names),
  ];
  return Uint8Array.from(bytes);
}

/** Whether this engine compiles a function of these locals and body (a feature probe). */
export function supports(locals: ValType[], body: number[][]): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(assemble([{ name: 'probe', params: [], locals, body }]) as BufferSource);
  } catch {
    return false;
  }
}

/** 128-bit SIMD, which every kernel here uses (tfjs itself falls back to a non-SIMD build without it). */
export const HAS_SIMD = supports([v128], [op.get(0), op.get(0), op.f32x4add, op.set(0)]);

/** Relaxed SIMD's fused multiply-add (Chromium has it; Node 20 only behind a flag). */
export const HAS_RELAXED_FMA = supports([v128], [op.get(0), op.get(0), op.get(0), op.f32x4madd, op.set(0)]);
