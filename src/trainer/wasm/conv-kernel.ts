import * as tf from '../tf';
import { asWasmBackend, memoryOf } from './tfjs-internals';
import { convDirect, THIN_TAPS } from './conv-direct';
import { NR } from './gemm-wasm';


type Attrs = {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: string;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: string;
};

/** Below this many input channels the generic kernel is no faster than XNNPACK's; only thin filters (THIN_TAPS) run ours. */
const MIN_CHANNELS = 8;

/**
 * Conv2D / FusedConv2D for the WASM backend on our direct-convolution kernels (conv-direct.ts)
 * when it can: NHWC float32, equal strides, no dilation, output channels a multiple of 8, at least
 * 8 input channels or few taps (a first layer on one channel), linear or relu. Anything else goes to tfjs's own kernel, `stock`.
 */
export function convKernel(kernelName: 'Conv2D' | 'FusedConv2D', stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: stock.setupFunc,
    kernelFunc: (args) => {
      const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, tf.TensorInfo | undefined>;
      const attrs = args.attrs as unknown as Attrs;
      const backend = asWasmBackend(args.backend);
      const memory = backend && memoryOf(backend);
      const [sh, sw] = typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
      const [dh, dw] = typeof attrs.dilations === 'number' ? [attrs.dilations, attrs.dilations] : (attrs.dilations ?? [1, 1]);
      const activation = attrs.activation ?? 'linear';
      const usable =
        memory && x && filter && x.dtype === 'float32' && filter.dtype === 'float32' && x.shape.length === 4 &&
        (attrs.dataFormat ?? 'NHWC') === 'NHWC' && sh === sw && dh === 1 && dw === 1 &&
        (x.shape[3] >= MIN_CHANNELS || filter.shape[0] * filter.shape[1] * filter.shape[2] <= THIN_TAPS) && filter.shape[3] % NR === 0 && preluActivationWeights == null &&
        (activation === 'linear' || activation === 'relu') &&
        (!bias || (bias.shape.length === 1 && bias.shape[0] === filter.shape[3] && bias.dtype === 'float32'));
      if (!usable) return stock.kernelFunc(args);
      const [n, h, w, ci] = x.shape;
      const [kh, kw, , co] = filter.shape;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number], filter.shape as [number, number, number, number],
        sh, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast',
      );
      const { top, left } = info.padInfo;
      const [ho, wo] = [info.outHeight, info.outWidth];
      const out = backend.makeOutput([n, ho, wo, co], 'float32');
      if (n * ho * wo * co === 0) return out;
      const at = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
      convDirect(backend.wasm, memory, {
        x: at(x), filter: at(filter), bias: bias ? at(bias) : 0, out: at(out),
        n, h, w, ci, kh, kw, co, stride: sh, ho, wo,
        // tfjs's 'same' may pad more than the last window reads; only what is read matters.
        pad: { top, left, bottom: Math.max(0, (ho - 1) * sh + kh - h - top), right: Math.max(0, (wo - 1) * sw + kw - w - left) },
        relu: activation === 'relu',
      });
      return out;
    },
  };
}
