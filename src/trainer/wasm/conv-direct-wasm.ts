import { MR, NR } from './gemm-wasm';
import { assemble, i32, fmaAdd, op, repeat, v128, type FuncDef, type ValType } from './wasm-asm';

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
  const madd = (target: number, b: number) => fmaAdd(fma, AV, b, target);
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

/** Parameters and locals of a panel function (dconvPanel, thinPanel), by name. */
export interface PanelVars {
  X: number; B0: number; C: number; IMGS: number; HO: number; TILES: number;
  LDC: number; BIAS0: number; IMG_BYTES: number; ROW_STEP: number; OUT_ROW: number; PANELS: number; B_PANEL: number;
  N: number; P: number; T: number; XR: number; CR: number; XT: number; CT: number; J: number; B: number; BIAS: number; XI: number; CI: number;
  /** Indices after the shared ones, for a panel function's own parameters (`own`) and locals. */
  own: number[]; locals: number[];
  params: number;
}

/**
 * The indices of a panel function's (x, b, c, imgs, ho, tiles, …own, ldc, bias, imgBytes, rowStep,
 * outRow, panels, bPanel) and its locals: the shared ones, then `ownLocals` more.
 */
export function panelVars(own: number, ownLocals: number): PanelVars {
  const p = 13 + own;
  const l = (i: number) => p + i;
  return {
    X: 0, B0: 1, C: 2, IMGS: 3, HO: 4, TILES: 5,
    LDC: 6 + own, BIAS0: 7 + own, IMG_BYTES: 8 + own, ROW_STEP: 9 + own, OUT_ROW: 10 + own, PANELS: 11 + own, B_PANEL: 12 + own,
    N: l(0), P: l(1), T: l(2), XR: l(3), CR: l(4), XT: l(5), CT: l(6), J: l(7), B: l(8), BIAS: l(9), XI: l(10), CI: l(11),
    own: Array.from({ length: own }, (_, i) => 6 + i),
    locals: Array.from({ length: ownLocals }, (_, i) => l(12 + i)),
    params: p,
  };
}

/**
 * The walk of a panel function: image by image (an image's input stays in cache while all its
 * panels read it), each 8-channel panel (b, c and bias advance bPanel bytes of packed filter, 32
 * bytes of C and of bias), each output row, its `tiles` full MR-position tiles at (XT, CT); then
 * `rowEnd` at each row's end (XT, CT at its rest positions) and `panelEnd` after a panel's rows.
 */
export function walkPanels(v: PanelVars, step: number, tile: number[][], rowEnd: number[][] = [], panelEnd: number[][] = []): number[][] {
  return repeat(v.N, v.IMGS, [
    op.get(v.X), op.get(v.N), op.get(v.IMG_BYTES), op.i32mul, op.i32add, op.set(v.XI),
    op.get(v.C), op.get(v.N), op.get(v.HO), op.i32mul, op.get(v.OUT_ROW), op.i32mul, op.i32add, op.set(v.CI),
    ...repeat(v.J, v.PANELS, [
      op.get(v.B0), op.get(v.J), op.get(v.B_PANEL), op.i32mul, op.i32add, op.set(v.B),
      op.get(v.BIAS0), op.get(v.J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(v.BIAS),
      op.get(v.XI), op.set(v.XR),
      op.get(v.CI), op.get(v.J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(v.CR),
      ...repeat(v.P, v.HO, [
        op.get(v.XR), op.set(v.XT),
        op.get(v.CR), op.set(v.CT),
        ...repeat(v.T, v.TILES, [
          ...tile,
          op.get(v.XT), op.i32(MR * step), op.i32add, op.set(v.XT),
          op.get(v.CT), op.get(v.LDC), op.i32(MR), op.i32mul, op.i32add, op.set(v.CT),
        ]),
        ...rowEnd,
        op.get(v.XR), op.get(v.ROW_STEP), op.i32add, op.set(v.XR),
        op.get(v.CR), op.get(v.OUT_ROW), op.i32add, op.set(v.CR),
      ]),
      ...panelEnd,
    ]),
  ]);
}

/**
 * dconvPanel{_relu}(x, b, c, imgs, ho, tiles, kwci, kh, row, ldc, bias, imgBytes, rowStep, outRow, panels, bPanel):
 * `panels` 8-channel panels of the whole output (walkPanels), each tile row by filter row; a row's
 * last `rest` positions (rest = wo mod MR, baked in) afterwards, down their columns.
 * imgBytes: one padded input image; rowStep: stride input rows; outRow: one output row (wo·co·4).
 * fns: [dconv{MR}_first, dconv{MR}, relu{MR}, dconv{rest}_first, dconv{rest}, relu{rest}, dconvCol{MR}_first, dconvCol{MR}].
 */
function panel(relu: boolean, step: number, rest: number, fns: number[]): FuncDef {
  const v = panelVars(3, 4);
  const [KWCI, KH, ROW] = v.own;
  const [A, XA, BA, V] = v.locals;
  const { HO, TILES, LDC, BIAS, ROW_STEP, OUT_ROW, P, CR, XT, CT, B, XI, CI, J } = v;
  const tile = ([firstFn, nextFn, reluFn]: number[], ldc = LDC) => [
    op.get(XT), op.get(B), op.get(CT), op.get(KWCI), op.get(ldc), op.get(BIAS), op.call(firstFn),
    op.get(XT), op.set(XA),
    op.get(B), op.set(BA),
    ...repeat(A, KH, [
      op.get(XA), op.get(ROW), op.i32add, op.set(XA),
      op.get(BA), op.get(KWCI), op.i32(4 * NR), op.i32mul, op.i32add, op.set(BA),
      op.get(XA), op.get(BA), op.get(CT), op.get(KWCI), op.get(ldc), op.get(BIAS), op.call(nextFn),
    ], [op.i32(1)]),
    ...(relu ? [op.get(CT), op.get(ldc), op.call(reluFn)] : []),
  ];
  // The tile at output row p, column q: input XI + p·rowStep + q·step, output CR + p·outRow + q·ldc.
  const at = (p: number[][], q: number[][]) => [
    op.get(XI), ...p, op.get(ROW_STEP), op.i32mul, op.i32add, ...q, op.i32(step), op.i32mul, op.i32add, op.set(XT),
    op.get(CR), ...p, op.get(OUT_ROW), op.i32mul, op.i32add, ...q, op.get(LDC), op.i32mul, op.i32add, op.set(CT),
  ];
  // The last `rest` positions of each row, down their columns in tiles of MR rows (rows ho − ho mod MR
  // on as rest-position tiles): a one-position tile multiplies as much as a whole tile would while
  // loading its filter panel for one position, 2.5× the cost per output of a full tile.
  const restColumns = rest > 0 ? [
    op.get(CI), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(CR),
    op.get(HO), op.i32(MR), op.i32divS, op.set(V),
    ...Array.from({ length: rest }, (_, col) =>
      repeat(P, V, [
        ...at([op.get(P), op.i32(MR), op.i32mul], [op.get(TILES), op.i32(MR), op.i32mul, op.i32(col), op.i32add]),
        ...tile([fns[6], fns[7], fns[2]], OUT_ROW),
      ])).flat(),
    ...repeat(P, HO, [
      ...at([op.get(P)], [op.get(TILES), op.i32(MR), op.i32mul]),
      ...tile(fns.slice(3, 6)),
    ], [op.get(V), op.i32(MR), op.i32mul]),
  ] : [];
  return {
    name: `dconvPanel${relu ? '_relu' : ''}`,
    params: Array(v.params).fill(i32),
    locals: Array(16).fill(i32),
    body: walkPanels(v, step, tile(fns.slice(0, 3)), [], restColumns),
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
