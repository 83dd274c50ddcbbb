import { assemble, i32, fmaAdd, op, repeat, v128, type FuncDef, type ValType } from './wasm-asm';

/** Rows per micro-tile: 6 rows × 8 columns = 12 accumulators, which V8 keeps in x64's 16 XMM registers. */
export const MR = 6;
/** Columns per micro-tile and per packed B panel: two f32x4. */
export const NR = 8;

/**
 * micro{mr}{_relu}(a, b, c, k, ldc, bias): one mr×8 tile of C = act(bias + Aᵀp·Bp), where a is a
 * packed A block (k steps of mr floats), b a packed B panel (k steps of 8 floats), ldc C's row
 * stride in bytes and bias 8 floats (a zero block when there is none). Accumulation starts from
 * the bias and runs over k in order, as XNNPACK's fully-connected kernels do. relu is a separate
 * function rather than a flag: a branch after the loop, like a max on the accumulators, made V8
 * allocate the loop's registers badly (2× slower).
 */
function micro(mr: number, relu: boolean, fma: boolean): FuncDef {
  const [A, B, C, K, LDC, BIAS] = [0, 1, 2, 3, 4, 5];
  const acc = (r: number, h: number) => 6 + 2 * r + h;
  const [B0, B1, AV] = [6 + 2 * mr, 7 + 2 * mr, 8 + 2 * mr];
  const rows = Array.from({ length: mr }, (_, r) => r);
  const madd = (target: number, b: number) => fmaAdd(fma, AV, b, target);
  // relu runs over the stored tile: a max on the accumulators themselves, even after the loop,
  // made V8 allocate the loop's registers badly (2× slower).
  const reluPass = rows.flatMap(() => [
    op.get(C), op.get(LDC), op.i32sub, op.set(C),
    ...[0, 16].flatMap((o) => [op.get(C), op.get(C), op.load(o), op.f32x4const(0), op.f32x4max, op.store(o)]),
  ]);
  return {
    name: `micro${mr}${relu ? '_relu' : ''}`,
    params: [i32, i32, i32, i32, i32, i32],
    locals: [...rows.flatMap((): ValType[] => [v128, v128]), v128, v128, v128],
    body: [
      ...rows.flatMap((r) => [op.get(BIAS), op.load(0), op.set(acc(r, 0)), op.get(BIAS), op.load(16), op.set(acc(r, 1))]),
      op.block, op.get(K), op.i32eqz, op.brIf(0),
      op.loop,
      op.get(B), op.load(0), op.set(B0),
      op.get(B), op.load(16), op.set(B1),
      ...rows.flatMap((r) => [op.get(A), op.load32Splat(4 * r), op.set(AV), ...madd(acc(r, 0), B0), ...madd(acc(r, 1), B1)]),
      op.get(A), op.i32(4 * mr), op.i32add, op.set(A),
      op.get(B), op.i32(4 * NR), op.i32add, op.set(B),
      op.get(K), op.i32(1), op.i32sub, op.tee(K), op.brIf(0),
      op.end, op.end,
      ...rows.flatMap((r) => [
        op.get(C), op.get(acc(r, 0)), op.store(0),
        op.get(C), op.get(acc(r, 1)), op.store(16),
        op.get(C), op.get(LDC), op.i32add, op.set(C),
      ]),
      ...(relu ? reluPass : []),
    ],
  };
}

/**
 * gemm{_relu}(ap, bp, c, mBlocks, k, nPanels, ldc, bias): the full MR-row blocks × 8-column
 * panels of C, panel by panel, so one packed B panel (k·32 bytes) stays in L1 while A's blocks
 * stream by. Calls micro{MR}{_relu}, the function at index `tile`. With another tile function,
 * rows{r}{_relu} (mBlocks 1): the last r < MR rows of a run of panels in one call, not one a tile
 * (a 128-row C has 2 such rows under each of its panels: 392 calls for 3,136 columns).
 */
function gemm(name: string, tile: number): FuncDef {
  const [AP, BP, C, MB, K, NP, LDC, BIAS] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [J, I, A, CC, BPAN] = [8, 9, 10, 11, 12];
  return {
    name,
    params: [i32, i32, i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, i32, i32, i32],
    body: repeat(J, NP, [
      op.get(AP), op.set(A),
      op.get(C), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(CC),
      op.get(BP), op.get(J), op.get(K), op.i32mul, op.i32(4 * NR), op.i32mul, op.i32add, op.set(BPAN),
      ...repeat(I, MB, [
        op.get(A), op.get(BPAN), op.get(CC), op.get(K), op.get(LDC),
        op.get(BIAS), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.call(tile),
        op.get(A), op.get(K), op.i32(4 * MR), op.i32mul, op.i32add, op.set(A),
        op.get(CC), op.get(LDC), op.i32(MR), op.i32mul, op.i32add, op.set(CC),
      ]),
    ]),
  };
}

/**
 * packA(src, dst, m, k, sm, sk): A (element (i, p) at src + i·sm + p·sk bytes) into blocks of MR
 * rows, each k steps of its rows' floats (the last block as many rows as are left).
 */
function packA(): FuncDef {
  const [SRC, DST, M, K, SM, SK] = [0, 1, 2, 3, 4, 5];
  const [I0, ROWS, P, R, Q, BLOCKS] = [6, 7, 8, 9, 10, 11];
  return {
    name: 'packA',
    params: [i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, i32, i32, i32, i32],
    body: [
      op.get(M), op.i32(MR - 1), op.i32add, op.i32(MR), op.i32divS, op.set(BLOCKS),
      ...repeat(I0, BLOCKS, [
        // rows = min(MR, m − MR·block)
        op.get(M), op.get(I0), op.i32(MR), op.i32mul, op.i32sub, op.set(ROWS),
        op.get(ROWS), op.i32(MR), op.i32geS, op.if, op.i32(MR), op.set(ROWS), op.end,
        ...repeat(P, K, [
          op.get(SRC), op.get(I0), op.i32(MR), op.i32mul, op.get(SM), op.i32mul, op.i32add,
          op.get(P), op.get(SK), op.i32mul, op.i32add, op.set(Q),
          // A full block unrolled (contiguous rows, as in a transposed A: one vector and two
          // floats); the last, partial block float by float.
          op.get(ROWS), op.i32(MR), op.i32ne, op.if,
          ...repeat(R, ROWS, [
            op.get(DST), op.get(Q), op.f32load(0), op.f32store(0),
            op.get(DST), op.i32(4), op.i32add, op.set(DST),
            op.get(Q), op.get(SM), op.i32add, op.set(Q),
          ]),
          op.else,
          op.get(SM), op.i32(4), op.i32eq, op.if,
          op.get(DST), op.get(Q), op.load(0), op.store(0),
          ...Array.from({ length: MR - 4 }, (_, r) => [op.get(DST), op.get(Q), op.f32load(16 + 4 * r), op.f32store(16 + 4 * r)]).flat(),
          op.else,
          ...Array.from({ length: MR }, (_, r) => [
            op.get(DST), op.get(Q), op.f32load(0), op.f32store(4 * r),
            op.get(Q), op.get(SM), op.i32add, op.set(Q),
          ]).flat(),
          op.end,
          op.get(DST), op.i32(4 * MR), op.i32add, op.set(DST),
          op.end,
        ]),
      ]),
    ],
  };
}

/**
 * packB(src, dst, k, n, sk, sn): B (element (p, j) at src + p·sk + j·sn bytes) into panels of 8
 * columns, each k steps of 8 floats; the last panel is padded with zeros.
 */
function packB(): FuncDef {
  const [SRC, DST, K, N, SK, SN] = [0, 1, 2, 3, 4, 5];
  const [J, P, Q, COLS, PANELS] = [6, 7, 8, 9, 10];
  return {
    name: 'packB',
    params: [i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, i32, i32, i32],
    body: [
      op.get(N), op.i32(NR - 1), op.i32add, op.i32(NR), op.i32divS, op.set(PANELS),
      ...repeat(J, PANELS, [
        op.get(N), op.get(J), op.i32(NR), op.i32mul, op.i32sub, op.set(COLS),
        ...repeat(P, K, [
          op.get(SRC), op.get(P), op.get(SK), op.i32mul, op.i32add,
          op.get(J), op.i32(NR), op.i32mul, op.get(SN), op.i32mul, op.i32add, op.set(Q),
          // Contiguous full panel rows: two vector copies; otherwise float by float.
          op.get(SN), op.i32(4), op.i32ne, op.get(COLS), op.i32(NR), op.i32ltS, op.i32or, op.i32eqz, op.if,
          op.get(DST), op.get(Q), op.load(0), op.store(0),
          op.get(DST), op.get(Q), op.load(16), op.store(16),
          op.else,
          // A full strided panel (a transposed B) unrolled; the last, partial one guarded.
          op.get(COLS), op.i32(NR), op.i32geS, op.if,
          ...Array.from({ length: NR }, (_, c) => [
            op.get(DST), op.get(Q), op.f32load(0), op.f32store(4 * c),
            op.get(Q), op.get(SN), op.i32add, op.set(Q),
          ]).flat(),
          op.else,
          ...Array.from({ length: NR }, (_, c) => [
            op.get(DST),
            op.i32(c), op.get(COLS), op.i32ltS, op.ifF32,
            op.get(Q), op.get(SN), op.i32(c), op.i32mul, op.i32add, op.f32load(0),
            op.else, op.f32(0), op.end,
            op.f32store(4 * c),
          ]).flat(),
          op.end,
          op.end,
          op.get(DST), op.i32(4 * NR), op.i32add, op.set(DST),
        ]),
      ]),
    ],
  };
}

/**
 * packPatches(src, dst, n, h, w, ci, ho, wo, stride, rowOff, colOff): one B panel of a conv's
 * patch matrix, 8 channels i0…i0+7 of one filter tap (a, b), read straight from the NHWC input
 * (src points at channel i0): for each output position (img, p, q), in order, the 8 floats at row
 * stride·p + rowOff, column stride·q + colOff, or zeros where that falls in the padding.
 */
function packPatches(): FuncDef {
  const [SRC, DST, N, H, W, CI, HO, WO, S, ROW_OFF, COL_OFF] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [IMG, P, Q, ROW, COL, BASE] = [11, 12, 13, 14, 15, 16];
  const zero = [op.get(DST), op.f32x4const(0), op.store(0), op.get(DST), op.f32x4const(0), op.store(16)];
  const copy = (from: number[][]) => [
    op.get(DST), ...from, op.load(0), op.store(0),
    op.get(DST), ...from, op.load(16), op.store(16),
  ];
  // Address of (img, row, col): src + ((img·h + row)·w + col)·ci·4.
  const at = [op.get(BASE), op.get(COL), op.get(CI), op.i32mul, op.i32(2), op.i32shl, op.i32add];
  return {
    name: 'packPatches',
    params: Array(11).fill(i32),
    locals: Array(6).fill(i32),
    body: repeat(IMG, N, [
      ...repeat(P, HO, [
        op.get(S), op.get(P), op.i32mul, op.get(ROW_OFF), op.i32add, op.set(ROW),
        // Row base: src + (img·h + row)·w·ci·4, meaningful only when the row is inside.
        op.get(SRC), op.get(IMG), op.get(H), op.i32mul, op.get(ROW), op.i32add, op.get(W), op.i32mul, op.get(CI), op.i32mul, op.i32(2), op.i32shl, op.i32add, op.set(BASE),
        ...repeat(Q, WO, [
          op.get(S), op.get(Q), op.i32mul, op.get(COL_OFF), op.i32add, op.set(COL),
          // Unsigned compares: a negative row or column is a huge unsigned one.
          op.get(ROW), op.get(H), op.i32ltU, op.get(COL), op.get(W), op.i32ltU, op.i32and, op.if,
          ...copy(at),
          op.else,
          ...zero,
          op.end,
          op.get(DST), op.i32(4 * NR), op.i32add, op.set(DST),
        ]),
      ]),
    ]),
  };
}

/** Exports micro1…micro{MR}, micro1_relu…, gemm, gemm_relu, rows1…rows{MR−1}, rows1_relu…, packA, packB, packPatches. */
export function gemmModule(fma: boolean, shared: boolean): Uint8Array {
  const linear = Array.from({ length: MR }, (_, i) => micro(i + 1, false, fma));
  const relu = Array.from({ length: MR }, (_, i) => micro(i + 1, true, fma));
  // Function indices follow the list: micro r at r − 1, micro r relu at MR + r − 1.
  const rows = Array.from({ length: MR - 1 }, (_, i) => [gemm(`rows${i + 1}`, i), gemm(`rows${i + 1}_relu`, MR + i)]).flat();
  return assemble([...linear, ...relu, gemm('gemm', MR - 1), gemm('gemm_relu', 2 * MR - 1), ...rows, packA(), packB(), packPatches()], shared);
}
