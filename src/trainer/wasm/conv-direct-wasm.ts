import { MR, NR } from './gemm-wasm';
import { assemble, i32, op, v128, type FuncDef, type ValType } from './wasm-asm';

/**
 * dconv{mr}{_first}(x, b, c, kwci, ldc, bias): one filter row's share of an mr×8 tile of a
 * convolution's output, mr consecutive positions of one output row × 8 output channels, read
 * straight from the padded NHWC input. x points at the tile's first input pixel in that filter row;
 * a position's taps (b, i) are kw·ci consecutive floats, and position r sits `step` bytes
 * (stride·ci·4, baked in as an immediate offset) after position 0. b is the filter row's part of
 * the packed weight panel (8 floats a tap). _first starts from the bias, the others from the
 * partial sums in C. One row per call, not a loop over rows in here: an outer loop around the
 * accumulation made V8 allocate its registers badly (2× slower, as in gemm-wasm.ts).
 * dconvCol{mr}: the same down a column, `step` then being the bytes between input rows of
 * neighbouring output rows (stride·row) and ldc an output row.
 */
function dconv(mr: number, first: boolean, step: number, fma: boolean, name = 'dconv'): FuncDef {
  const [X, B, C, KWCI, LDC, BIAS] = [0, 1, 2, 3, 4, 5];
  const acc = (r: number, h: number) => 6 + 2 * r + h;
  const [B0, B1, AV, T] = [6 + 2 * mr, 7 + 2 * mr, 8 + 2 * mr, 9 + 2 * mr];
  const rows = Array.from({ length: mr }, (_, r) => r);
  const madd = (target: number, b: number) =>
    fma
      ? [op.get(AV), op.get(b), op.get(target), op.f32x4madd, op.set(target)]
      : [op.get(AV), op.get(b), op.f32x4mul, op.get(target), op.f32x4add, op.set(target)];
  // Row r of the tile in C: c + r·ldc.
  const cRow = (r: number) => (r === 0 ? [op.get(C)] : [op.get(C), op.get(LDC), op.i32(r), op.i32mul, op.i32add]);
  const init = first
    ? rows.flatMap((r) => [op.get(BIAS), op.load(0), op.set(acc(r, 0)), op.get(BIAS), op.load(16), op.set(acc(r, 1))])
    : rows.flatMap((r) => [...cRow(r), op.load(0), op.set(acc(r, 0)), ...cRow(r), op.load(16), op.set(acc(r, 1))]);
  return {
    name: `${name}${mr}${first ? '_first' : ''}`,
    params: Array(6).fill(i32),
    locals: [...rows.flatMap((): ValType[] => [v128, v128]), v128, v128, v128, i32],
    body: [
      ...init,
      op.get(KWCI), op.set(T),
      op.block, op.get(T), op.i32eqz, op.brIf(0),
      op.loop,
      op.get(B), op.load(0), op.set(B0),
      op.get(B), op.load(16), op.set(B1),
      ...rows.flatMap((r) => [op.get(X), op.load32Splat(r * step), op.set(AV), ...madd(acc(r, 0), B0), ...madd(acc(r, 1), B1)]),
      op.get(X), op.i32(4), op.i32add, op.set(X),
      op.get(B), op.i32(4 * NR), op.i32add, op.set(B),
      op.get(T), op.i32(1), op.i32sub, op.tee(T), op.brIf(0),
      op.end, op.end,
      ...rows.flatMap((r) => [...cRow(r), op.get(acc(r, 0)), op.store(0), ...cRow(r), op.get(acc(r, 1)), op.store(16)]),
    ],
  };
}

/** relu{mr}(c, ldc): max(·, 0) over an mr×8 tile of C, after its last filter row. */
function reluTile(mr: number): FuncDef {
  const [C, LDC] = [0, 1];
  return {
    name: `relu${mr}`,
    params: [i32, i32],
    body: Array.from({ length: mr }, () => [
      ...[0, 16].flatMap((o) => [op.get(C), op.get(C), op.load(o), op.f32x4const(0), op.f32x4max, op.store(o)]),
      op.get(C), op.get(LDC), op.i32add, op.set(C),
    ]).flat(),
  };
}

/**
 * dconvPanel{_relu}(x, b, c, imgs, ho, tiles, kwci, kh, row, ldc, bias, imgBytes, rowStep, outRow, panels, bPanel):
 * `panels` 8-channel panels of the whole output, image by image (an image's input stays in cache
 * while all its panels read it): for each output row, `tiles` full MR-position tiles, then one
 * `rest`-position tile if rest > 0 (rest baked in); each tile row by filter row. b, c and bias
 * point at the first panel's; the next are bPanel bytes of packed filter, 32 bytes of C and bias on.
 * imgBytes: one padded input image; rowStep: stride input rows; outRow: one output row (wo·co·4).
 * fns: the function indices of [dconv{MR}_first, dconv{MR}, relu{MR}, and the same for rest].
 */
function panel(relu: boolean, step: number, rest: number, fns: number[]): FuncDef {
  // fns: [dconv{MR}_first, dconv{MR}, relu{MR}, dconv{rest}_first, dconv{rest}, relu{rest}, dconvCol{MR}_first, dconvCol{MR}].
  const [X, B0, C, IMGS, HO, TILES, KWCI, KH, ROW, LDC, BIAS0, IMG_BYTES, ROW_STEP, OUT_ROW, PANELS, B_PANEL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [N, P, T, XR, CR, XT, CT, A, XA, BA, J, B, BIAS, XI, CI, V] = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
  const loop = (v: number, n: number, body: number[][], from: number | number[][] = 0) => [
    ...(typeof from === 'number' ? [op.i32(from)] : from), op.set(v),
    op.block, op.get(v), op.get(n), op.i32geS, op.brIf(0),
    op.loop, ...body,
    op.get(v), op.i32(1), op.i32add, op.tee(v), op.get(n), op.i32ltS, op.brIf(0),
    op.end, op.end,
  ];
  const tile = ([firstFn, nextFn, reluFn]: number[], ldc = LDC) => [
    op.get(XT), op.get(B), op.get(CT), op.get(KWCI), op.get(ldc), op.get(BIAS), op.call(firstFn),
    op.get(XT), op.set(XA),
    op.get(B), op.set(BA),
    ...loop(A, KH, [
      op.get(XA), op.get(ROW), op.i32add, op.set(XA),
      op.get(BA), op.get(KWCI), op.i32(4 * NR), op.i32mul, op.i32add, op.set(BA),
      op.get(XA), op.get(BA), op.get(CT), op.get(KWCI), op.get(ldc), op.get(BIAS), op.call(nextFn),
    ], 1),
    ...(relu ? [op.get(CT), op.get(ldc), op.call(reluFn)] : []),
  ];
  // Tile t's position (row p, column q): input XI + p·rowStep + q·step, output CI + 32j + p·outRow + q·ldc.
  const at = (p: number[][], q: number[][]) => [
    op.get(XI), ...p, op.get(ROW_STEP), op.i32mul, op.i32add, ...q, op.i32(step), op.i32mul, op.i32add, op.set(XT),
    op.get(CR), ...p, op.get(OUT_ROW), op.i32mul, op.i32add, ...q, op.get(LDC), op.i32mul, op.i32add, op.set(CT),
  ];
  // The last `rest` positions of each row, down their columns in tiles of MR rows (rows ho − ho mod MR
  // on as rest-position tiles): a one-position tile multiplies as much as a whole tile would while
  // loading its filter panel for one position, 2.5× the cost per output of a full tile.
  const restColumns = rest > 0 ? [
    op.get(HO), op.i32(MR), op.i32divS, op.set(V),
    ...Array.from({ length: rest }, (_, col) =>
      loop(P, V, [
        ...at([op.get(P), op.i32(MR), op.i32mul], [op.get(TILES), op.i32(MR), op.i32mul, op.i32(col), op.i32add]),
        ...tile(fns.slice(6, 8).concat(fns[2]), OUT_ROW),
      ])).flat(),
    ...loop(P, HO, [
      ...at([op.get(P)], [op.get(TILES), op.i32(MR), op.i32mul]),
      ...tile(fns.slice(3, 6)),
    ], [op.get(V), op.i32(MR), op.i32mul]),
  ] : [];
  return {
    name: `dconvPanel${relu ? '_relu' : ''}`,
    params: Array(16).fill(i32),
    locals: Array(16).fill(i32),
    body: loop(N, IMGS, [
      op.get(X), op.get(N), op.get(IMG_BYTES), op.i32mul, op.i32add, op.set(XI),
      op.get(C), op.get(N), op.get(HO), op.i32mul, op.get(OUT_ROW), op.i32mul, op.i32add, op.set(CI),
      ...loop(J, PANELS, [
        op.get(B0), op.get(J), op.get(B_PANEL), op.i32mul, op.i32add, op.set(B),
        op.get(BIAS0), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(BIAS),
        op.get(XI), op.set(XR),
        op.get(CI), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(CR),
        ...loop(P, HO, [
          op.get(XR), op.set(XT),
          op.get(CR), op.set(CT),
          ...loop(T, TILES, [
            ...tile(fns.slice(0, 3)),
            op.get(XT), op.i32(MR * step), op.i32add, op.set(XT),
            op.get(CT), op.get(LDC), op.i32(MR), op.i32mul, op.i32add, op.set(CT),
          ]),
          op.get(XR), op.get(ROW_STEP), op.i32add, op.set(XR),
          op.get(CR), op.get(OUT_ROW), op.i32add, op.set(CR),
        ]),
        op.get(CI), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(CR),
        ...restColumns,
      ]),
    ]),
  };
}

/**
 * A module for convolutions whose neighbouring output positions are `step` bytes apart in the
 * input (stride·ci·4), whose output rows end in a `rest`-position tile (wo mod MR), and whose
 * neighbouring output rows are `rowStep` bytes apart in the input (stride·row; read only when
 * rest > 0). Exports dconvPanel and dconvPanel_relu.
 */
export function convModule(step: number, rest: number, rowStep: number, fma: boolean, shared: boolean): Uint8Array {
  const r = Math.max(rest, 1);
  const funcs = [
    dconv(MR, true, step, fma), dconv(MR, false, step, fma), reluTile(MR),
    dconv(r, true, step, fma), dconv(r, false, step, fma), reluTile(r),
    dconv(MR, true, rowStep, fma, 'dconvCol'), dconv(MR, false, rowStep, fma, 'dconvCol'),
  ];
  // With rest = MR − … names could clash only if r = MR, which rest < MR rules out.
  const fns = [0, 1, 2, 3, 4, 5, 6, 7];
  return assemble([...funcs, panel(false, step, rest, fns), panel(true, step, rest, fns)], shared);
}
