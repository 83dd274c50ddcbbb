import * as tf from '../tf';
import { FusedAdam } from '../optim/adam';
import { mulberry32 } from '../random';
import { heapBernoulliLogProb } from './bernoulli';
import { filterGradGemm } from './conv-gemm';
import { thinFilterGrad } from './conv-thin';
import { memoryOf, wasmBackend } from './heap';
import { kernelThreads, onOneThread, poolStats } from './pool';
import { useFastWasmKernels } from './register';

export interface ThreadCheck {
  threads: number;
  /** Kernels compared, each on this many threads against one. */
  compared: string[];
  /** Those whose results differ in any bit from one thread's. */
  differing: string[];
  /** Median milliseconds of a few kernels at the default models' sizes, on all threads and on one. */
  timings?: { name: string; manyMs: number; oneMs: number; helpedShare: number }[];
}

/** Median of `runs` timings of f (its result disposed). */
function medianMs(f: () => tf.Tensor, runs = 9): number {
  const ms = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    f().dispose();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return ms[runs >> 1];
}

/**
 * How long the heaviest kernels of the default models take on the kernels' threads and on one
 * (the bench's per-kernel view of thread scaling; whole steps also run tfjs's own ops on one thread).
 */
export function timeKernels(): NonNullable<ThreadCheck['timings']> {
  useFastWasmKernels();
  const x = random([128, 784], 1);
  const w = random([784, 400], 2);
  const dy = random([128, 400], 3);
  const img = random([128, 14, 14, 32], 4) as tf.Tensor4D;
  const f = random([3, 3, 32, 64], 5) as tf.Tensor4D;
  const cases: [string, () => tf.Tensor][] = [
    ['dense 784→400 forward, batch 128', () => tf.matMul(x, w)],
    ['dense 784→400 weight gradient', () => tf.matMul(x, dy, true, false)],
    ['dense 400→784 input gradient', () => tf.matMul(dy, w, false, true)],
    ['conv 14×14×32 → 7×7×64, batch 128', () => tf.conv2d(img, f, 2, 'same')],
  ];
  const out = cases.map(([name, op]) => {
    op().dispose();
    onOneThread(op).dispose();
    const before = poolStats();
    const manyMs = medianMs(op);
    const after = poolStats();
    // The share of the threaded runs' calls that helpers ran (0 when they never got to any).
    const helpedShare = (after.helped - before.helped) / Math.max(1, after.calls - before.calls);
    return { name, manyMs, oneMs: onOneThread(() => medianMs(op)), helpedShare };
  });
  tf.dispose([x, w, dy, img, f]);
  return out;
}

const random = (shape: number[], seed: number) => {
  const r = mulberry32(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r() - 1), shape);
};

/** The weights after two FusedAdam steps of fixed gradients, from fixed starting weights. */
function adamSteps(): tf.Tensor[] {
  const vars = [tf.variable(random([784, 400], 11), true, 'threadcheck/w'), tf.variable(random([403], 12), true, 'threadcheck/b')];
  const grads = [random([784, 400], 13), random([403], 14)];
  const adam = new FusedAdam(1e-3);
  for (let i = 0; i < 2; i++) adam.applyGradients({ 'threadcheck/w': grads[0], 'threadcheck/b': grads[1] });
  const out = vars.map((v) => v.clone());
  adam.dispose();
  tf.dispose([...vars, ...grads]);
  return out;
}

/** The fused Bernoulli likelihood's row sums and its gradient x − sigmoid(l), logits over ±30. */
function bernoulliAndGrad(): tf.Tensor[] {
  const x = tf.step(random([131, 784], 19)) as tf.Tensor2D;
  const logits = tf.mul(random([131, 784], 20), 30) as tf.Tensor2D;
  const f = (l: tf.Tensor) => heapBernoulliLogProb(x, l as tf.Tensor2D);
  const value = f(logits);
  if (!value) return [];
  return [value, tf.grad((l: tf.Tensor) => tf.sum(f(l)!))(logits)];
}

/**
 * Runs each heavy kernel (dense GEMMs plain and transposed, fused bias + relu, the direct and thin
 * convs, the filter gradients (GEMM and thin), Adam, the Bernoulli likelihood, column sums) on the kernels' threads and on one thread, and compares the
 * results bit for bit: the work is split over independent output rows or elements, so the
 * summation order cannot change. Needs the WASM backend.
 */
export function checkThreads(): ThreadCheck {
  const backend = wasmBackend();
  if (!backend) throw new Error('checkThreads needs the WASM backend');
  useFastWasmKernels();
  const cases: [string, () => tf.Tensor | tf.Tensor[]][] = [
    ['matMul 128×784·784×400', () => tf.matMul(random([128, 784], 1), random([784, 400], 2))],
    ['matMul 131×400·(784×400)ᵀ', () => tf.matMul(random([131, 400], 3), random([784, 400], 4), false, true)],
    ['matMul (128×784)ᵀ·128×403', () => tf.matMul(random([128, 784], 5), random([128, 403], 6), true, false)],
    ['matMul 4099×64·64×8 (split by rows)', () => tf.matMul(random([4099, 64], 17), random([64, 8], 18))],
    ['fused matMul + bias + relu', () => tf.fused.matMul({ a: random([128, 20], 7), b: random([20, 400], 8), bias: random([400], 9), activation: 'relu' })],
    ['conv2d 16×14×14×32 k3 s2 → 64', () => tf.conv2d(random([16, 14, 14, 32], 10) as tf.Tensor4D, random([3, 3, 32, 64], 11) as tf.Tensor4D, 2, 'same')],
    ['fused conv2d + bias + relu, 7 images', () => tf.fused.conv2d({ x: random([7, 15, 15, 16], 12) as tf.Tensor4D, filter: random([3, 3, 16, 32], 13) as tf.Tensor4D, strides: 1, pad: 'same', bias: random([32], 14), activation: 'relu' })],
    ['thin conv2d + bias + relu, 1 channel k3 s2 → 32', () => tf.fused.conv2d({ x: random([11, 28, 28, 1], 21) as tf.Tensor4D, filter: random([3, 3, 1, 32], 22) as tf.Tensor4D, strides: 2, pad: 'same', bias: random([32], 23), activation: 'relu' })],
    ['conv filter gradient 32×14×14×32 → 64', () => filterGradGemm(random([32, 14, 14, 32], 15) as tf.Tensor4D, random([32, 7, 7, 64], 16) as tf.Tensor4D, 3, 3, 2, 0, 0) ?? []],
    ['thin filter gradient 11×28×28×1 → 32', () => thinFilterGrad(random([11, 28, 28, 1], 26) as tf.Tensor4D, random([11, 14, 14, 32], 27) as tf.Tensor4D, 3, 3, 2, 0, 0) ?? []],
    ['Adam, 313,600 + 403 weights', adamSteps],
    ['Bernoulli likelihood 131×784 and its gradient', bernoulliAndGrad],
    ['column sums 2,900×37 and 30,000×3 (bias gradients)', () => [tf.sum(random([2900, 37], 24), 0), tf.sum(random([100, 300, 3], 25), [0, 1])]],
  ];
  const compared: string[] = [];
  const differing: string[] = [];
  const bits = (t: tf.Tensor | tf.Tensor[]) => {
    const list = Array.isArray(t) ? t : [t];
    const out = list.map((x) => Array.from(new Uint32Array(Float32Array.from(x.dataSync()).buffer)));
    tf.dispose(list);
    return out.flat();
  };
  for (const [name, run] of cases) {
    const many = bits(tf.tidy(run));
    const one = bits(onOneThread(() => tf.tidy(run)));
    if (one.length === 0) continue; // a path that did not apply (the filter gradients off WASM)
    compared.push(name);
    if (many.length !== one.length || many.some((b, i) => b !== one[i])) differing.push(name);
  }
  return { threads: kernelThreads(memoryOf(backend)), compared, differing };
}
