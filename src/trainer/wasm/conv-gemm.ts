import * as tf from '../tf';
import { gemm } from './gemm';
import { NR } from './gemm-wasm';
import type { Call } from './pool';
import { memoryOf, pointer, uninitialised, wasmBackend } from './heap';
import { fastTransposedMatMul } from './register';

/**
 * dL/dW of y = conv2d(x, W, stride) as one GEMM on the WASM heap: dWᵀ [co, taps] = dyᵀ · P, where
 * P [positions, taps] is the patch matrix. P is never built: the GEMM's B-packing reads each tap's
 * 8-channel groups straight out of x (packPatches), zeros in the padding. Needs ci a multiple of
 * 8; returns null where this path does not apply (then the caller uses its own).
 *
 * XNNPACK ran the equivalent dilated conv (filter-grad.ts) at ~16 GFLOP/s, 14 ms for the conv
 * VAE's 32→64 layer; this is ~5–6 ms with relaxed SIMD's FMA.
 */
export function filterGradGemm(x: tf.Tensor4D, dy: tf.Tensor4D, kh: number, kw: number, stride: number, top: number, left: number): tf.Tensor4D | null {
  const backend = wasmBackend();
  const [n, h, w, ci] = x.shape;
  const [, ho, wo, co] = dy.shape;
  if (!backend || !fastTransposedMatMul() || ci % NR !== 0 || x.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  const memory = memoryOf(backend);
  const taps = kh * kw * ci;
  const positions = n * ho * wo;
  const out = uninitialised(backend, [co, taps]);
  const xp = pointer(backend, x);
  gemm(backend.wasm, memory, {
    a: pointer(backend, dy), b: 0, c: pointer(backend, out), bias: 0,
    m: co, k: positions, n: taps, transposeA: true, transposeB: false, relu: false,
    packB: (k, dst) => {
      // Panels in tap order (a, b, i): 8 channels of one (a, b) each.
      const calls: Call[] = [];
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) {
          for (let i0 = 0; i0 < ci; i0 += NR, dst += 4 * NR * positions) {
            calls.push({ mod: k.mod, name: 'packPatches', args: [xp + 4 * i0, dst, n, h, w, ci, ho, wo, stride, a - top, b - left] });
          }
        }
      }
      return calls;
    },
  });
  const dW = tf.reshape(tf.transpose(out), [kh, kw, ci, co]) as tf.Tensor4D;
  out.dispose();
  return dW;
}
