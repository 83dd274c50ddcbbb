import { MR, NR } from './gemm-wasm';
import { panelVars, walkPanels } from './conv-direct-wasm';
import { assemble, i32, fmaAdd, op, repeat, v128, type FuncDef, type ValType } from './wasm-asm';

/** The geometry a thin-conv module is compiled for: every input offset becomes an immediate. */
export interface ThinShape {
  /** Bytes between neighbouring output positions in the input (stride·ci·4). */
  step: number;
  /** Bytes of one padded input row (wp·ci·4). */
  row: number;
  kh: number;
  /** Floats of one filter row's taps (kw·ci): consecutive in the input. */
  kwci: number;
  /** Positions in a row's last tile (wo mod MR), 0 for none. */
  rest: number;
}

/** Each tap's input offset from a position's first tap: filter rows `row` bytes apart. */
const tapOffsets = (s: ThinShape) => Array.from({ length: s.kh * s.kwci }, (_, t) => Math.floor(t / s.kwci) * s.row + 4 * (t % s.kwci));

/** Taps per filter-gradient call: 6 taps × 8 channels, 12 accumulators, as in a forward tile. */
const GRAD_TAPS = 6;

/**
 * thinGradRow{g}(x, dy, out, wo, co4): one output row's share of thinGrad for taps [6g, 6g + 6) and
 * one 8-channel panel: their sums, read from out (the group's first row of dW; rows co4 bytes
 * apart), plus this row's wo positions, back to out. One row a call, the accumulators in registers through a single loop: loops nested
 * around them (images, rows, positions) made V8 allocate their registers badly (3× slower).
 */
function thinGradRow(s: ThinShape, g: number, fma: boolean): FuncDef {
  const [X, DY, OUT, WO, CO4] = [0, 1, 2, 3, 4];
  const [Q, D0, D1, AV] = [5, 6, 7, 8];
  const taps = tapOffsets(s).slice(GRAD_TAPS * g, GRAD_TAPS * (g + 1));
  const acc = (t: number, h: number) => 9 + 2 * t + h;
  const madd = (target: number, b: number) => fmaAdd(fma, AV, b, target);
  const at = (t: number) => (t === 0 ? [op.get(OUT)] : [op.get(OUT), op.get(CO4), op.i32(t), op.i32mul, op.i32add]);
  return {
    name: `thinGradRow${g}`,
    params: Array(5).fill(i32),
    locals: [i32, v128, v128, v128, ...taps.flatMap((): ValType[] => [v128, v128])],
    body: [
      ...taps.flatMap((_, t) => [...at(t), op.load(0), op.set(acc(t, 0)), ...at(t), op.load(16), op.set(acc(t, 1))]),
      op.get(WO), op.set(Q),
      op.block, op.get(Q), op.i32eqz, op.brIf(0),
      op.loop,
      op.get(DY), op.load(0), op.set(D0),
      op.get(DY), op.load(16), op.set(D1),
      ...taps.flatMap((x, t) => [op.get(X), op.load32Splat(x), op.set(AV), ...madd(acc(t, 0), D0), ...madd(acc(t, 1), D1)]),
      op.get(X), op.i32(s.step), op.i32add, op.set(X),
      op.get(DY), op.get(CO4), op.i32add, op.set(DY),
      op.get(Q), op.i32(1), op.i32sub, op.tee(Q), op.brIf(0),
      op.end, op.end,
      ...taps.flatMap((_, t) => [...at(t), op.get(acc(t, 0)), op.store(0), ...at(t), op.get(acc(t, 1)), op.store(16)]),
    ],
  };
}

/**
 * thinGrad(x, dy, part, imgs, ho, wo, imgBytes, rowStep, co4, panels): one block of images' share
 * of the filter gradient, part[t, o] = Σ_positions x[position + tap t] · dy[position, o], every tap
 * and output channel, positions summed in order (callers add the blocks' parts in order, so the
 * sums do not depend on how blocks go to threads). Row by row, every (8-channel panel, group of 6
 * taps) in turn: the row of dy stays in L1 for all of them. Panel by panel over all positions read
 * dy from memory once per panel and group; that, not the multiply-adds, set the speed.
 * rows: the indices of thinGradRow0….
 */
function thinGrad(s: ThinShape, rows: number[]): FuncDef {
  const [X, DY, PART, IMGS, HO, WO, IMG_BYTES, ROW_STEP, CO4, PANELS] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [N, P, XR, J, OUT] = [10, 11, 12, 13, 14];
  return {
    name: 'thinGrad',
    params: Array(10).fill(i32),
    locals: [i32, i32, i32, i32, i32],
    body: [
      op.get(PART), op.i32(0), op.i32(s.kh * s.kwci), op.get(CO4), op.i32mul, op.memoryFill,
      ...repeat(N, IMGS, [
        op.get(X), op.get(N), op.get(IMG_BYTES), op.i32mul, op.i32add, op.set(XR),
        ...repeat(P, HO, [
          ...repeat(J, PANELS, [
            op.get(PART), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add, op.set(OUT),
            ...rows.flatMap((fn, g) => [
              op.get(XR), op.get(DY), op.get(J), op.i32(4 * NR), op.i32mul, op.i32add,
              op.get(OUT), op.get(CO4), op.i32(GRAD_TAPS * g), op.i32mul, op.i32add,
              op.get(WO), op.get(CO4), op.call(fn),
            ]),
          ]),
          op.get(XR), op.get(ROW_STEP), op.i32add, op.set(XR),
          op.get(DY), op.get(WO), op.get(CO4), op.i32mul, op.i32add, op.set(DY),
        ]),
      ]),
    ],
  };
}

/**
 * thin{mr}{_relu}(x, b, c, ldc, bias): an mr×8 tile of a convolution's output over all its taps at
 * once, for filters with few taps (kh·kw·ci, e.g. 9 for a 3×3 filter on one channel). The generic
 * direct conv (conv-direct-wasm.ts) loads and stores the tile once per filter row, which costs more
 * than its 3 taps' multiply-adds; here the taps are unrolled with their input offsets as immediates,
 * the accumulators stay in registers from the bias to the (relu'd) store.
 */
function thin(mr: number, relu: boolean, s: ThinShape, fma: boolean): FuncDef {
  const [X, B, C, LDC, BIAS] = [0, 1, 2, 3, 4];
  const acc = (r: number, h: number) => 5 + 2 * r + h;
  const [B0, B1, AV] = [5 + 2 * mr, 6 + 2 * mr, 7 + 2 * mr];
  const rows = Array.from({ length: mr }, (_, r) => r);
  const madd = (target: number, b: number) => fmaAdd(fma, AV, b, target);
  const taps = tapOffsets(s).map((x, t) => ({ x, b: 4 * NR * t }));
  const cRow = (r: number) => (r === 0 ? [op.get(C)] : [op.get(C), op.get(LDC), op.i32(r), op.i32mul, op.i32add]);
  const out = (r: number, h: number) => (relu ? [op.get(acc(r, h)), op.f32x4const(0), op.f32x4max] : [op.get(acc(r, h))]);
  return {
    name: `thin${mr}${relu ? '_relu' : ''}`,
    params: Array(5).fill(i32),
    locals: [...rows.flatMap((): ValType[] => [v128, v128]), v128, v128, v128],
    body: [
      ...rows.flatMap((r) => [op.get(BIAS), op.load(0), op.set(acc(r, 0)), op.get(BIAS), op.load(16), op.set(acc(r, 1))]),
      ...taps.flatMap((t) => [
        op.get(B), op.load(t.b), op.set(B0),
        op.get(B), op.load(t.b + 16), op.set(B1),
        ...rows.flatMap((r) => [op.get(X), op.load32Splat(t.x + r * s.step), op.set(AV), ...madd(acc(r, 0), B0), ...madd(acc(r, 1), B1)]),
      ]),
      ...rows.flatMap((r) => [...cRow(r), ...out(r, 0), op.store(0), ...cRow(r), ...out(r, 1), op.store(16)]),
    ],
  };
}

/**
 * thinPanel{_relu}(x, b, c, imgs, ho, tiles, ldc, bias, imgBytes, rowStep, outRow, panels, bPanel):
 * `panels` 8-channel panels of the whole output (walkPanels in conv-direct-wasm.ts), one call a
 * tile, a row's last `rest` positions in one rest tile.
 */
function panel(relu: boolean, s: ThinShape, full: number, rest: number): FuncDef {
  const v = panelVars(0, 0);
  const tile = (fn: number) => [op.get(v.XT), op.get(v.B), op.get(v.CT), op.get(v.LDC), op.get(v.BIAS), op.call(fn)];
  return {
    name: `thinPanel${relu ? '_relu' : ''}`,
    params: Array(v.params).fill(i32),
    locals: Array(12).fill(i32),
    body: walkPanels(v, s.step, tile(full), s.rest > 0 ? tile(rest) : []),
  };
}

/**
 * A module for one thin-conv geometry; exports thinPanel and thinPanel_relu (same arguments),
 * thinGrad and its row functions.
 */
export function thinConvModule(s: ThinShape, fma: boolean, shared: boolean): Uint8Array {
  const r = Math.max(s.rest, 1);
  // Functions 0–3: the full tile plain and relu'd, then the rest tile plain and relu'd.
  const funcs = [thin(MR, false, s, fma), thin(MR, true, s, fma), thin(r, false, s, fma), thin(r, true, s, fma)];
  // Then the two panels, thinGrad, and its row functions thinGradRow0… at 7 + g.
  const rows = Array.from({ length: Math.ceil((s.kh * s.kwci) / GRAD_TAPS) }, (_, g) => thinGradRow(s, g, fma));
  // r < MR, so the rest tile's names differ from the full one's.
  return assemble([...funcs, panel(false, s, 0, 2), panel(true, s, 1, 3), thinGrad(s, rows.map((_, g) => 7 + g)), ...rows], shared);
}
