import * as tf from '../tf';
import { padImages, THIN_TAPS, thinModule } from './conv-direct';
import { MR, NR } from './gemm-wasm';
import { memoryOf, pointer, uninitialised, wasmBackend } from './heap';
import { kernelsFor } from './kernels';
import { MULTIPLY_ADD_PARALLEL_MIN, runCalls, share, threadsFor } from './pool';

/**
 * Images are cut into this many blocks (fewer for a smaller batch), whatever the thread count:
 * each block's gradient is summed on its own, then the blocks' in order, so any number of threads
 * gives the same result bit for bit.
 */
const IMAGE_BLOCKS = 16;

/**
 * dL/dW of y = conv2d(x, W, stride) for a filter of few taps (a first layer on one channel, or a
 * decoder's last layer seen from its output) on the thin kernels: each block of images one call
 * that walks its positions of the padded input and dy, no patch matrix. The
 * im2col + GEMM it replaces packed the whole [positions, co] dy on one thread, which took longer
 * than its 7 M multiply-adds. Returns null where it does not apply (not WASM, too many taps,
 * output channels not in eights, padding that crops).
 */
export function thinFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, kh: number, kw: number, stride: number, top: number, left: number): tf.Tensor4D | null {
  const backend = wasmBackend();
  const [n, h, w, ci] = x.shape;
  const [, ho, wo, co] = dy.shape;
  const taps = kh * kw * ci;
  if (!backend || taps > THIN_TAPS || co % NR !== 0 || top < 0 || left < 0 || x.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  const memory = memoryOf(backend);
  // What the positions read, and no more: the rows and columns below and right of it are never read.
  const pad = { top, left, bottom: Math.max(0, (ho - 1) * stride + kh - h - top), right: Math.max(0, (wo - 1) * stride + kw - w - left) };
  const [hp, wp] = [h + top + pad.bottom, w + left + pad.right];
  const threads = threadsFor(memory, n * ho * wo * co * taps, MULTIPLY_ADD_PARALLEL_MIN);
  const out = uninitialised(backend, [kh, kw, ci, co]);
  const blocks = Math.min(n, IMAGE_BLOCKS);
  const partBytes = 4 * taps * co;
  const xp = backend.wasm._malloc(4 * n * hp * wp * ci + blocks * partBytes);
  const parts = xp + 4 * n * hp * wp * ci;
  try {
    padImages(memory, pointer(backend, x), xp, { n, h, w, ci }, pad, threads);
    const row = 4 * wp * ci;
    const mod = thinModule(memory, { step: 4 * stride * ci, row, kh, kwci: kw * ci, rest: wo % MR });
    const pdy = pointer(backend, dy);
    const calls = Array.from({ length: blocks }, (_, b) => {
      const [i0, i1] = share(n, blocks, b);
      return { mod, name: 'thinGrad', args: [xp + i0 * row * hp, pdy + 4 * i0 * ho * wo * co, parts + b * partBytes, i1 - i0, ho, wo, row * hp, row * stride, 4 * co, co / NR] };
    });
    runCalls(memory, calls, threads > 1);
    runCalls(memory, [kernelsFor(memory).columnSumCall(parts, pointer(backend, out), blocks, taps * co)], false);
  } finally {
    backend.wasm._free(xp);
  }
  return out as tf.Tensor4D;
}
