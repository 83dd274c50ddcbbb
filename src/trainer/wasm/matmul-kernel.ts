import * as tf from '../tf';
import { asWasmBackend, memoryOf } from './tfjs-internals';
import { gemm } from './gemm';

/** The parts of BackendWasm a kernel uses (see tfjs-backend-wasm's own kernels). */

type Attrs = { transposeA?: boolean; transposeB?: boolean; activation?: string };

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * A matMul kernel for the WASM backend running our GEMM (gemm.ts) when it can: float32, no batch
 * (leading dimensions all 1), no activation but relu, a rank-1 bias; anything else goes to
 * tfjs's own kernel, `stock`.
 */
export function matMulKernel(kernelName: 'BatchMatMul' | '_FusedMatMul', stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: stock.setupFunc,
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const backend = asWasmBackend(args.backend);
      const { a, b, bias, preluActivationWeights } = inputs as Record<string, tf.TensorInfo | undefined>;
      const { transposeA = false, transposeB = false, activation = 'linear' } = attrs as Attrs;
      const memory = backend && memoryOf(backend);
      const usable =
        a && b && memory && a.dtype === 'float32' && b.dtype === 'float32' && a.shape.length >= 2 && b.shape.length >= 2 &&
        size(a.shape.slice(0, -2)) === 1 && size(b.shape.slice(0, -2)) === 1 &&
        preluActivationWeights == null && (activation === 'linear' || activation === 'relu');
      if (!usable) return stock.kernelFunc(args);
      const [ar, ac] = a.shape.slice(-2);
      const [br, bc] = b.shape.slice(-2);
      const [m, k] = transposeA ? [ac, ar] : [ar, ac];
      const [k2, n] = transposeB ? [bc, br] : [br, bc];
      if (k !== k2) throw new Error(`matMul: inner sizes ${k} and ${k2} of shapes ${a.shape} and ${b.shape} differ`);
      if (bias && (bias.shape.length !== 1 || bias.shape[0] !== n || bias.dtype !== 'float32')) return stock.kernelFunc(args);
      const lead = a.shape.length > b.shape.length ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
      const out = backend.makeOutput([...lead, m, n], 'float32');
      if (m * n === 0) return out;
      const at = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
      gemm(backend.wasm, memory, {
        a: at(a), b: at(b), c: at(out), bias: bias ? at(bias) : 0,
        m, k, n, transposeA, transposeB, relu: activation === 'relu',
      });
      return out;
    },
  };
}
