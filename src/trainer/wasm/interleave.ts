import * as tf from '../tf';
import { heapKernels, memoryOf, pointer, uninitialised, wasmBackend } from './heap';
import { cut, ELEMENTWISE_PARALLEL_MIN, partsFor, runCalls, threadsFor, type Call } from './pool';

/**
 * The s² phase outputs of a transposed convolution put in place on the WASM heap:
 * out[b, i·s + rh, j·s + rw, :] = phase (rh, rw)[b, i, j, :], cropped to [n, H, W, c]. The phases
 * come as s² tensors [n, h, w, c], or as one [n, h, w, s²·c] with phase rh·s + rw in channels
 * (rh·s + rw)·c … + c − 1 (and any channels after the s²·c, left out: `c` then says how many a
 * phase has). One strided copy per phase and run of images (tfjs needs a stack and two
 * transposes, ~8 % of a conv VAE's step). null off WASM or when the shapes do not fit.
 */
export function heapInterleave(phases: tf.Tensor4D[] | tf.Tensor4D, s: number, H: number, W: number, channels?: number): tf.Tensor4D | null {
  const backend = wasmBackend();
  const list = Array.isArray(phases) ? phases : null;
  const packed = list ? null : (phases as tf.Tensor4D);
  const [n, h, w, depth] = (list ? list[0] : packed!).shape;
  const c = list ? depth : (channels ?? depth / (s * s));
  const inputsFit = list
    ? list.length === s * s && list.every((t) => t.dtype === 'float32' && t.shape.every((d, k) => d === list[0].shape[k]))
    : Number.isInteger(c) && s * s * c <= depth && packed!.dtype === 'float32';
  // The phases cover the output (H ≤ h·s), and it reaches the first phase's last row ((h − 1)·s < H).
  const covers = H <= h * s && W <= w * s && H > (h - 1) * s && W > (w - 1) * s;
  if (!backend || !inputsFit || !covers || n * H * W * c === 0) return null;
  const out = uninitialised(backend, [n, H, W, c]) as tf.Tensor4D;
  const memory = memoryOf(backend);
  const k = heapKernels(backend);
  const block = 4 * c;
  const jS = 4 * depth;
  const [iS, bS] = [w * jS, h * w * jS];
  const [jD, iD, bD] = [s * block, s * W * block, H * W * block];
  const dst = pointer(backend, out);
  const threads = threadsFor(memory, n * H * W * c, ELEMENTWISE_PARALLEL_MIN);
  const calls: Call[] = [];
  for (let rh = 0; rh < s; rh++) {
    for (let rw = 0; rw < s; rw++) {
      const p = rh * s + rw;
      const src = list ? pointer(backend, list[p]) : pointer(backend, packed!) + p * block;
      const [hv, wv] = [Math.min(h, Math.ceil((H - rh) / s)), Math.min(w, Math.ceil((W - rw) / s))];
      const at = dst + (rh * W + rw) * block;
      calls.push(...cut(n, partsFor(n, threads), (b0, b1) => [k.stridedCopyCall(src + b0 * bS, at + b0 * bD, b1 - b0, bS, bD, hv, iS, iD, wv, jS, jD, block)]));
    }
  }
  runCalls(memory, calls, threads > 1);
  return out;
}
