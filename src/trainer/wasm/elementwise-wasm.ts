import { i32, op, repeat, v128, type FuncDef } from './wasm-asm';

/**
 * relu's backward pass, out = y > 0 ? dy : 0, in one pass (tfjs: step(y), then a multiply: two
 * passes and a tensor more). y is the layer's output, > 0 exactly where its input was.
 */
export function reluGradDef(): FuncDef {
  // Params: 0 dy, 1 y, 2 out, 3 n4 (floats, a multiple of 4). Locals: 4 i, 5 end (bytes).
  const [DY, Y, OUT, N4, I, END] = [0, 1, 2, 3, 4, 5];
  const at = (p: number) => [op.get(p), op.get(I), op.i32add];
  return {
    name: 'reluGrad',
    params: [i32, i32, i32, i32],
    locals: [i32, i32],
    body: [
      op.get(N4), op.i32(2), op.i32shl, op.set(END),
      op.i32(0), op.set(I),
      op.block, op.get(I), op.get(END), op.i32geU, op.brIf(0),
      op.loop,
      ...at(OUT), ...at(DY), op.load(), ...at(Y), op.load(), op.f32x4const(0), op.f32x4gt, op.v128and, op.store(),
      op.get(I), op.i32(16), op.i32add, op.tee(I), op.get(END), op.i32ltU, op.brIf(0),
      op.end, op.end,
    ],
  };
}

/**
 * Copies n images into a zeroed, larger frame (a convolution's padding): each image's frame is
 * filled with zeros, then its rows are copied to their place, all with bulk memory operations.
 */
export function padDef(): FuncDef {
  // Params: 0 src, 1 dst, 2 n, 3 h (rows an image), 4 rowBytes, 5 dstRowBytes, 6 dstImgBytes,
  // 7 firstRow (byte offset of row 0 in a frame: top·dstRowBytes + left·bytes a pixel).
  // Locals: 8 i, 9 r, 10 d.
  const [SRC, DST, N, H, ROW, DROW, DIMG, FIRST, I, R, D] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  return {
    name: 'pad',
    params: [i32, i32, i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, i32],
    body: repeat(I, N, [
      op.get(DST), op.i32(0), op.get(DIMG), op.memoryFill,
      op.get(DST), op.get(FIRST), op.i32add, op.set(D),
      ...repeat(R, H, [
        op.get(D), op.get(SRC), op.get(ROW), op.memoryCopy,
        op.get(D), op.get(DROW), op.i32add, op.set(D),
        op.get(SRC), op.get(ROW), op.i32add, op.set(SRC),
      ]),
      op.get(DST), op.get(DIMG), op.i32add, op.set(DST),
    ]),
  };
}

/**
 * Blocks of bytes from a 3-level strided source to a 3-level strided destination: for b < n, i < h,
 * j < w, copies `block` bytes from src + b·bS + i·iS + j·jS to dst + b·bD + i·iD + j·jD. One
 * phase of a transposed convolution into its place in the output (depth-to-space, crop included).
 * Blocks of 4 bytes are moved as one float; larger ones with memory.copy.
 */
export function stridedCopyDef(): FuncDef {
  // Params: 0 src, 1 dst, 2 n, 3 bS, 4 bD, 5 h, 6 iS, 7 iD, 8 w, 9 jS, 10 jD, 11 block.
  // Locals: 12 b, 13 i, 14 j, 15 s, 16 d.
  const [SRC, DST, N, BS, BD, H, IS, ID, W, JS, JD, BLOCK, B, I, J, S, D] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const base = (p: number, bStride: number, iStride: number) => [op.get(p), op.get(B), op.get(bStride), op.i32mul, op.i32add, op.get(I), op.get(iStride), op.i32mul, op.i32add];
  const inner = [
    ...base(SRC, BS, IS), op.set(S),
    ...base(DST, BD, ID), op.set(D),
    ...repeat(J, W, [
      op.get(BLOCK), op.i32(4), op.i32eq,
      op.if, op.get(D), op.get(S), op.f32load(), op.f32store(),
      op.else, op.get(D), op.get(S), op.get(BLOCK), op.memoryCopy,
      op.end,
      op.get(S), op.get(JS), op.i32add, op.set(S),
      op.get(D), op.get(JD), op.i32add, op.set(D),
    ]),
  ];
  return {
    name: 'stridedCopy',
    params: Array.from({ length: 12 }, () => i32),
    locals: [i32, i32, i32, i32, i32],
    body: repeat(B, N, repeat(I, H, inner)),
  };
}

/**
 * Bytes to floats in [0, 1]: out[i] = src[i] / 255, a float32 division (correctly rounded, so
 * the same floats as JavaScript's v / 255 rounded to float32; a test checks all 256). n8 groups of
 * 8 bytes; a training batch of images is built with it.
 */
export function unitBytesDef(): FuncDef {
  // Params: 0 src, 1 dst, 2 n8. Locals: 3 i, 4 v (the 8 bytes as u16 lanes).
  const [SRC, DST, N8, I, V] = [0, 1, 2, 3, 4];
  const half = (extend: number[], offset: number) => [
    op.get(DST), op.get(V), extend, op.f32x4convertI32x4U, op.f32x4const(255), op.f32x4div, op.store(offset),
  ];
  return {
    name: 'unitBytes',
    params: [i32, i32, i32],
    locals: [i32, v128],
    body: repeat(I, N8, [
      op.get(SRC), op.load8x8U(), op.set(V),
      ...half(op.i32x4extendLowI16x8U, 0),
      ...half(op.i32x4extendHighI16x8U, 16),
      op.get(SRC), op.i32(8), op.i32add, op.set(SRC),
      op.get(DST), op.i32(32), op.i32add, op.set(DST),
    ]),
  };
}
