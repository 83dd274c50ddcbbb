import * as tf from '../tf';
import { kernelsFor } from './kernels';
import { ELEMENTWISE_PARALLEL_MIN, runCalls, runCut, threadsFor } from './pool';
import { asWasmBackend, memoryOf, type WasmBackendInternals } from './tfjs-internals';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

type KernelArgs = Parameters<tf.KernelConfig['kernelFunc']>[0];

/**
 * A kernel registered over tfjs-backend-wasm's own (`stock`): `run` works on the heap and returns
 * its output, or null for the cases it leaves to `stock` (before making any output).
 */
function heapKernel(
  kernelName: string,
  stock: tf.KernelConfig,
  run: (args: KernelArgs, backend: WasmBackendInternals, memory: WebAssembly.Memory) => tf.TensorInfo | null,
): tf.KernelConfig {
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: stock.setupFunc,
    kernelFunc: (args) => {
      const backend = asWasmBackend(args.backend);
      return (backend && run(args, backend, memoryOf(backend))) ?? stock.kernelFunc(args);
    },
  };
}

/**
 * Sum over the leading axes (a bias gradient: Σ over batch and space) as column sums over blocks
 * of rows on the kernel threads. WASM's own Sum transposes the reduced axes innermost first: 1.8 ms
 * for the [25088, 32] bias gradient of a conv layer; one pass of one vector a column took 0.77 ms
 * (0.61 ms for a one-channel [100352, 1], in JavaScript). Other reductions go to `stock`.
 */
export function sumKernel(stock: tf.KernelConfig): tf.KernelConfig {
  return heapKernel('Sum', stock, (args, backend, memory) => {
    const x = args.inputs.x as tf.TensorInfo;
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const rank = x.shape.length;
    const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
    const lead = axes.length;
    const leading = axes.every((a, i) => a === i) && lead < rank;
    if (x.dtype !== 'float32' || !leading || size(x.shape) === 0) return null;
    const rows = size(x.shape.slice(0, lead));
    const cols = size(x.shape.slice(lead));
    const shape = keepDims ? [...x.shape.slice(0, lead).map(() => 1), ...x.shape.slice(lead)] : x.shape.slice(lead);
    const out = backend.makeOutput(shape, 'float32');
    columnSums(backend, memory, backend.getMemoryOffset(x.dataId), backend.getMemoryOffset(out.dataId), rows, cols);
    return out;
  });
}

/**
 * Rows per block of a column sum: each block's sum is one kernel call, blocks shared out over the
 * threads, then the blocks' sums added in order. The split depends on the shape alone, never on
 * the thread count, so every thread count gives the same sums bit for bit.
 */
const blockRows = (rows: number) => Math.max(256, Math.ceil(rows / 32));

function columnSums(backend: WasmBackendInternals, memory: WebAssembly.Memory, src: number, dst: number, rows: number, cols: number) {
  const k = kernelsFor(memory);
  const per = blockRows(rows);
  const blocks = Math.ceil(rows / per);
  if (blocks === 1) return runCalls(memory, [k.columnSumCall(src, dst, rows, cols)], false);
  const partial = backend.wasm._malloc(4 * blocks * cols);
  try {
    runCut(memory, blocks, threadsFor(memory, rows * cols, ELEMENTWISE_PARALLEL_MIN), (b0, b1) =>
      Array.from({ length: b1 - b0 }, (_, i) => {
        const b = b0 + i;
        return k.columnSumCall(src + 4 * b * per * cols, partial + 4 * b * cols, Math.min(per, rows - b * per), cols);
      }),
    );
    runCalls(memory, [k.columnSumCall(partial, dst, blocks, cols)], false);
  } finally {
    backend.wasm._free(partial);
  }
}

/**
 * Rows of a tensor (gather on axis 0) as heap copies. WASM's GatherV2 works element by element:
 * 4–7 ms for a 128-image batch, ~0.8 ms for a conv filter's 9 taps. Other gathers go to `stock`.
 */
export function gatherKernel(stock: tf.KernelConfig): tf.KernelConfig {
  return heapKernel('GatherV2', stock, (args, backend, memory) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as { axis: number; batchDims: number };
    const rank = x.shape.length;
    const along = axis < 0 ? axis + rank : axis;
    const plain = (x.dtype === 'float32' || x.dtype === 'int32') && indices.dtype === 'int32' && along === 0 && (batchDims ?? 0) === 0;
    if (!plain || rank === 0) return null;
    const idx = backend.readSync(indices.dataId);
    const n = x.shape[0];
    for (let i = 0; i < idx.length; i++) {
      if (!(idx[i] >= 0 && idx[i] < n)) throw new Error(`GatherV2: the index value ${idx[i]} is not in [0, ${n - 1}]`);
    }
    const row = size(x.shape.slice(1));
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
    const [src, dst] = [backend.getMemoryOffset(x.dataId) >> 2, backend.getMemoryOffset(out.dataId) >> 2];
    const heap = new Int32Array(memory.buffer); // 4-byte words: a bit-exact copy for either dtype
    for (let i = 0; i < idx.length; i++) heap.copyWithin(dst + i * row, src + idx[i] * row, src + (idx[i] + 1) * row);
    return out;
  });
}

/**
 * Slices copied on the heap: rows of a matrix, or a run of whole rows of any tensor. WASM's own
 * Slice first copies its whole input out of the heap (readSync): a 500-image chunk of the 10,000
 * test images copied all 31 MB to take 1.6 MB. Other slices go to `stock`.
 */
export function sliceKernel(stock: tf.KernelConfig): tf.KernelConfig {
  return heapKernel('Slice', stock, (args, backend, memory) => {
    const x = args.inputs.x as tf.TensorInfo;
    const rank = x.shape.length;
    if ((x.dtype !== 'float32' && x.dtype !== 'int32') || rank === 0) return null;
    const { begin, size: sizes } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    const b = Array.isArray(begin) ? begin : [begin];
    const want = (Array.isArray(sizes) ? sizes : [sizes]).map((n, i) => (n === -1 ? x.shape[i] - (b[i] ?? 0) : n));
    const inRange = b.length === rank && want.length === rank && want.every((n, i) => b[i] >= 0 && n >= 0 && b[i] + n <= x.shape[i]);
    // Whole rows below the first axis (any rank), or a block of a matrix.
    const rows = inRange && (rank === 2 || want.every((n, i) => i === 0 || (b[i] === 0 && n === x.shape[i])));
    if (!rows) return null;
    const out = backend.makeOutput(want, x.dtype);
    const inner = size(x.shape.slice(1));
    const cols = rank === 2 ? want[1] : inner;
    const [src, dst] = [(backend.getMemoryOffset(x.dataId) >> 2) + b[0] * inner + (rank === 2 ? b[1] : 0), backend.getMemoryOffset(out.dataId) >> 2];
    const heap = new Int32Array(memory.buffer); // 4-byte words: a bit-exact copy for either dtype
    if (cols === inner) heap.copyWithin(dst, src, src + want[0] * inner);
    else for (let r = 0; r < want[0]; r++) heap.copyWithin(dst + r * cols, src + r * inner, src + r * inner + cols);
    return out;
  });
}
