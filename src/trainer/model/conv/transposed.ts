import * as tf from '../../tf';
import { type Axis, type Phase, phases, windowPad } from './geometry';
import { wasmBackend } from '../../wasm/heap';
import { heapInterleave } from '../../wasm/interleave';
import { explicit, fusedConv } from './ops';

type Act = 'relu' | 'linear';

/**
 * Below this many output channels, one conv computing all s² phases as channels beats one conv
 * per phase: XNNPACK is slow at 1–few output channels (decoder's last layer 14×14×32 → 28×28×1,
 * batch 128 on WASM: 3.0 ms vs 6.1 ms), while for wide layers the zero taps that the shared
 * window adds cost more (7×7×64 → 14×14×32: ~22 ms vs ~15 ms).
 */
const NARROW = 8;

/**
 * The transposed conv of dy [n, Ho, Wo, co] with W [kh, kw, ci, co] back to [n, H, W, ci]
 * (ah, aw: the axes of the conv it transposes): dL/dx of a stride-s conv, and the forward of a
 * decoder's upsampling layer. WASM's Conv2DBackpropInput is a naive loop (~7× slower here), and
 * zero-insertion wastes (s²−1)/s² of a conv; here the s² output phases (see `phases`) are
 * stride-1 convs of the undilated dy, put in place by an interleave (one strided copy on WASM). Bias and
 * activation are fused into those convs: both commute with the interleaving. It records no
 * gradient of its own (see fusedConv): layers.ts wraps it in a customGrad.
 */
export function transposedConv(dy: tf.Tensor4D, W: tf.Tensor4D, stride: number, ah: Axis, aw: Axis, bias?: tf.Tensor1D, act: Act = 'linear'): tf.Tensor4D {
  const [kh, kw, ci] = W.shape;
  const ph = phases(kh, stride, ah.before);
  const pw = phases(kw, stride, aw.before);
  if ([...ph, ...pw].some((p) => p.count === 0)) throw new Error(`kernel ${kh}×${kw} smaller than stride ${stride}`);
  return tf.tidy(() => {
    const y = stride > 1 && ci < NARROW ? asChannels(dy, W, stride, ah, aw, ph, pw, bias, act) : perPhase(dy, W, stride, ah, aw, ph, pw, bias, act);
    // Every phase computes ⌈H/s⌉ rows; an odd size (7 from 4 at stride 2) crops the last one.
    if (y.shape[1] === ah.in && y.shape[2] === aw.in) return y;
    return tf.slice(y, [0, 0, 0, 0], [y.shape[0], ah.in, aw.in, ci]);
  });
}

/** Filter taps gathered from W by flat index a·kw + b (kh·kw: a zero tap), as [len, co, ci]. */
function gatherTaps(W: tf.Tensor4D, idx: number[]) {
  const [kh, kw, ci, co] = W.shape;
  const taps = tf.reshape(tf.transpose(W, [0, 1, 3, 2]), [kh * kw, co, ci]);
  const withZero = tf.concat([taps, tf.zeros([1, co, ci])]);
  return tf.gather(withZero, tf.tensor1d(idx, 'int32'));
}

/** One exact conv per phase; sub-filters flipped (a correlation walks taps backwards), in/out swapped. */
function perPhase(dy: tf.Tensor4D, W: tf.Tensor4D, s: number, ah: Axis, aw: Axis, ph: Phase[], pw: Phase[], bias: tf.Tensor1D | undefined, act: Act) {
  const [, kw, ci, co] = W.shape;
  const idx: number[] = [];
  const sizes: number[] = [];
  for (const p of ph) {
    for (const q of pw) {
      for (let u = p.count - 1; u >= 0; u--) {
        for (let v = q.count - 1; v >= 0; v--) idx.push((p.first + s * u) * kw + q.first + s * v);
      }
      sizes.push(p.count * q.count);
    }
  }
  const subs = tf.split(gatherTaps(W, idx), sizes);
  const [mh, mw] = [Math.ceil(ah.in / s), Math.ceil(aw.in / s)];
  const outs = ph.flatMap((p, i) =>
    pw.map((q, j) => {
      const filter = tf.reshape(subs[i * s + j], [p.count, q.count, co, ci]) as tf.Tensor4D;
      const e = explicit(dy, windowPad(ah.out, p.carry - p.count + 1, p.count, mh), windowPad(aw.out, q.carry - q.count + 1, q.count, mw));
      return fusedConv(e.x, filter, 1, e.pad, bias, act);
    }),
  );
  if (s === 1) return outs[0];
  const placed = heapInterleave(outs, s, ah.in, aw.in);
  if (placed) return placed;
  // Stack on a new leading axis, then transposes of rank ≤ 4: WASM's Transpose took 85 ms for
  // one rank-5 permutation of 0.8M floats, its Concat copies one innermost row at a time, and
  // its DepthToSpace is a per-element loop.
  const [n, h, w] = outs[0].shape;
  const stacked = tf.reshape(tf.stack(outs), [s, s, n * h * w, ci]); // [rh, rw, (n, m, m'), ci]
  const rows = tf.reshape(tf.transpose(stacked, [0, 2, 1, 3]), [s, n * h, w * s * ci]); // [rh, (n, m), (m', rw, ci)]
  return tf.reshape(tf.transpose(rows, [1, 0, 2]), [n, h * s, w * s, ci]) as tf.Tensor4D;
}

/** All phases in one conv over their shared window of dy, phase (rh, rw) in channels (rh·s + rw)·ci + i. */
function asChannels(dy: tf.Tensor4D, W: tf.Tensor4D, s: number, ah: Axis, aw: Axis, ph: Phase[], pw: Phase[], bias: tf.Tensor1D | undefined, act: Act) {
  const [kh, kw, ci, co] = W.shape;
  // Window offsets lo … lo + len − 1 (relative to m) covering every phase; tap or −1 per offset.
  const window = (ps: Phase[]) => {
    const lo = Math.min(...ps.map((p) => p.carry - p.count + 1));
    const len = Math.max(...ps.map((p) => p.carry)) - lo + 1;
    const tap = (p: Phase, u: number) => {
      const t = p.carry - (lo + u);
      return t >= 0 && t < p.count ? p.first + s * t : -1;
    };
    return { lo, len, tap };
  };
  const [wh, ww] = [window(ph), window(pw)];
  const idx: number[] = [];
  for (let u = 0; u < wh.len; u++) {
    for (let v = 0; v < ww.len; v++) {
      for (const p of ph) {
        for (const q of pw) {
          const [a, b] = [wh.tap(p, u), ww.tap(q, v)];
          idx.push(a < 0 || b < 0 ? kh * kw : a * kw + b);
        }
      }
    }
  }
  const g = tf.reshape(gatherTaps(W, idx), [wh.len * ww.len, s * s, co, ci]);
  let filter = tf.reshape(tf.transpose(g, [0, 2, 1, 3]), [wh.len, ww.len, co, s * s * ci]) as tf.Tensor4D;
  let tiled = bias && tf.tile(bias, [s * s]);
  // On WASM, zero channels up to a multiple of 8 put the conv on our kernel (wasm/conv-kernel.ts, shared
  // over the kernel threads) instead of XNNPACK on one thread; the interleave leaves them out.
  const extra = (8 - ((s * s * ci) % 8)) % 8;
  if (extra > 0 && co >= 8 && wasmBackend()) {
    filter = tf.pad(filter, [[0, 0], [0, 0], [0, 0], [0, extra]]);
    tiled = tiled && tf.pad(tiled, [[0, extra]]);
  }
  const [mh, mw] = [Math.ceil(ah.in / s), Math.ceil(aw.in / s)];
  const e = explicit(dy, windowPad(ah.out, wh.lo, wh.len, mh), windowPad(aw.out, ww.lo, ww.len, mw));
  const y = fusedConv(e.x, filter, 1, e.pad, tiled, act);
  const placed = heapInterleave(y, s, ah.in, aw.in, ci);
  if (placed) return placed;
  const n = y.shape[0];
  // [(n, m), m', rh, (rw, ci)] → [(n, m), rh, m', (rw, ci)]: depthToSpace in one rank-4 transpose.
  const split = tf.reshape(y, [n * mh, mw, s, s * ci]);
  return tf.reshape(tf.transpose(split, [0, 2, 1, 3]), [n, mh * s, mw * s, ci]) as tf.Tensor4D;
}
