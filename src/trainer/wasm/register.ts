import * as tf from '../tf';
import { convKernel } from './conv-kernel';
import { matMulKernel } from './matmul-kernel';
import { gatherKernel, sliceKernel, sumKernel } from './reduce-kernels';
import { asWasmBackend } from './tfjs-internals';
import { HAS_SIMD } from './wasm-asm';

let registered = false;

/** True on WASM once our GEMM runs matMul: a transposed operand is then as fast as a plain one. */
export function fastTransposedMatMul(): boolean {
  return registered && tf.getBackend() === 'wasm';
}

/**
 * Kernels registered over tfjs-backend-wasm's own, where its version costs time in training.
 *
 * Identity: tfjs saves every tensor a gradient needs with engine.clone → Identity, and WASM's
 * Identity copies the buffer (~30 copies of activations and weights per MLP step). Tensors are
 * immutable in tfjs, so sharing the buffer with a reference count (what WASM's own Reshape and
 * the CPU backend's Identity do) is just as correct. FusedAdam, the one writer in place, checks
 * the count first.
 *
 * BatchMatMul and _FusedMatMul: our GEMM (gemm.ts), about twice XNNPACK's speed here with
 * relaxed SIMD's fused multiply-add, and with transposed operands at full speed.
 *
 * Conv2D and FusedConv2D: direct convolution on the same tiles (conv-direct.ts), no patch matrix.
 *
 * Sum over leading axes and GatherV2 of rows: heap kernels (reduce-kernels.ts), several times
 * faster than WASM's transpose-then-reduce and element-by-element gather; Slice of rows without
 * WASM's copy of the whole input (reduce-kernels.ts).
 *
 * Call when the WASM backend is loaded (it registers its kernels on import); later calls do nothing.
 */
export function useFastWasmKernels(): void {
  if (registered || !HAS_SIMD || tf.getKernel('Identity', 'wasm') == null) return;
  registered = true;
  const replace = (name: string, make: (stock: tf.KernelConfig) => tf.KernelConfig) => {
    const stock = tf.getKernel(name, 'wasm');
    if (!stock) return;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(make(stock));
  };
  replace('BatchMatMul', (stock) => matMulKernel('BatchMatMul', stock));
  replace('_FusedMatMul', (stock) => matMulKernel('_FusedMatMul', stock));
  replace('Conv2D', (stock) => convKernel('Conv2D', stock));
  replace('FusedConv2D', (stock) => convKernel('FusedConv2D', stock));
  replace('Sum', sumKernel);
  replace('GatherV2', gatherKernel);
  replace('Slice', sliceKernel);
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as tf.TensorInfo;
      asWasmBackend(backend)!.incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}
