import { i32, op, v128, type FuncDef } from './wasm-asm';

/**
 * The Bernoulli likelihood of a decoder's logits in one pass over them (`bernoulli.ts` runs it):
 * for each row, out[r] = Σ_j x·l − softplus(l), and beside it the gradient g = x − sigmoid(l).
 * tfjs computes this with ~10 kernels (abs, neg, exp, log1p, relu, add, mul, sub, sum and the
 * sigmoid of the gradient), whose exp and log1p are scalar libm loops: ~1.4 ms of a 14 ms step of
 * the default model. Here four lanes at a time, with
 * - t = e^a, a = −|l| clamped at −87 (t stays a normal float): Cody–Waite reduction a = n·ln 2 + r,
 *   Cephes' degree-7 expf polynomial in r, and 2ⁿ built in the exponent bits;
 * - log1p(t) for t ∈ (0, 1] as 2·atanh(s), s = t / (2 + t) ≤ 1/3: 2s·Σ_k s^2k / (2k + 1), k ≤ 7
 *   (the first term left out is below 2⁻²⁹ of the sum);
 * - softplus(l) = max(l, 0) + log1p(t) and sigmoid(l) = (l ≥ 0 ? 1 : t) / (1 + t), both stable
 *   for any l.
 * Plain multiplies and adds (no fused multiply-add), so every engine rounds alike.
 */
export function bernoulliDef(): FuncDef {
  // Params: 0 x, 1 l, 2 g (byte offsets of [rows, d] floats), 3 out ([rows]), 4 rows, 5 d (a
  // multiple of 4). Locals: 6 r, 7 lEnd, 8 acc, 9 L, 10 X, 11 A, 12 N, 13 R, 14 T, 15 S, 16 W.
  const [X_, L_, G_, OUT, ROWS, D] = [0, 1, 2, 3, 4, 5];
  const [R_, END, ACC, L, X, A, N, R, T, S, W] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const c = op.f32x4const;
  const horner = (v: number, coeffs: number[]) => [c(coeffs[0]), ...coeffs.slice(1).flatMap((k) => [op.get(v), op.f32x4mul, c(k), op.f32x4add])];
  const ATANH = [1 / 15, 1 / 13, 1 / 11, 1 / 9, 1 / 7, 1 / 5, 1 / 3, 1];
  const EXP = [1.987569150e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  const advance = (p: number) => [op.get(p), op.i32(16), op.i32add, op.set(p)];
  return {
    name: 'bernoulli',
    params: [i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, v128, v128, v128, v128, v128, v128, v128, v128, v128],
    body: [
      op.i32(0), op.set(R_),
      op.block, op.get(ROWS), op.i32eqz, op.brIf(0),
      op.loop,
      c(0), op.set(ACC),
      op.get(L_), op.get(D), op.i32(2), op.i32shl, op.i32add, op.set(END),
      op.loop,
      op.get(L_), op.load(), op.set(L),
      op.get(X_), op.load(), op.set(X),
      // a = max(−|l|, −87); n = nearest(a / ln 2); r = (a − n·C1) − n·C2
      op.get(L), op.f32x4abs, op.f32x4neg, c(-87), op.f32x4max, op.tee(A),
      c(Math.LOG2E), op.f32x4mul, op.f32x4nearest, op.set(N),
      op.get(A), op.get(N), c(0.693359375), op.f32x4mul, op.f32x4sub, op.get(N), c(-2.12194440e-4), op.f32x4mul, op.f32x4sub, op.set(R),
      // t = (p(r)·r² + r + 1)·2ⁿ
      ...horner(R, EXP), op.get(R), op.get(R), op.f32x4mul, op.f32x4mul, op.get(R), op.f32x4add, c(1), op.f32x4add,
      op.get(N), op.i32x4truncSatF32x4, op.i32x4const(127), op.i32x4add, op.i32(23), op.i32x4shl, op.f32x4mul, op.set(T),
      // s = t / (2 + t), w = s²
      op.get(T), op.get(T), c(2), op.f32x4add, op.f32x4div, op.tee(S), op.get(S), op.f32x4mul, op.set(W),
      // acc += x·l − (max(l, 0) + 2s·Σ w^k / (2k + 1))
      op.get(ACC), op.get(X), op.get(L), op.f32x4mul,
      op.get(L), c(0), op.f32x4max, op.get(S), op.get(S), op.f32x4add, ...horner(W, ATANH), op.f32x4mul, op.f32x4add,
      op.f32x4sub, op.f32x4add, op.set(ACC),
      // g = x − (l ≥ 0 ? 1 : t) / (1 + t)
      op.get(G_), op.get(X),
      c(1), op.get(T), op.get(L), c(0), op.f32x4ge, op.v128bitselect, op.get(T), c(1), op.f32x4add, op.f32x4div,
      op.f32x4sub, op.store(),
      ...advance(X_), ...advance(G_), ...advance(L_),
      op.get(L_), op.get(END), op.i32ltU, op.brIf(0),
      op.end,
      // The row's sum: lanes added in a fixed order.
      op.get(OUT),
      op.get(ACC), op.f32x4extractLane(0), op.get(ACC), op.f32x4extractLane(1), op.f32add,
      op.get(ACC), op.f32x4extractLane(2), op.get(ACC), op.f32x4extractLane(3), op.f32add, op.f32add,
      op.f32store(),
      op.get(OUT), op.i32(4), op.i32add, op.set(OUT),
      op.get(R_), op.i32(1), op.i32add, op.tee(R_), op.get(ROWS), op.i32ltU, op.brIf(0),
      op.end, op.end,
    ],
  };
}
