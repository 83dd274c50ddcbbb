import * as tf from '../tf';
import type { AdamConstants } from '../wasm/kernels';
import { exclusive, heapKernels, heapView, memoryOf, pointer, uninitialised, wasmBackend } from '../wasm/heap';
import { cut, kernelThreads, partsFor, runCalls, type Call } from '../wasm/pool';

/** tfjs's NamedTensor (not re-exported by tfjs-core's index). */
type NamedTensor = { name: string; tensor: tf.Tensor };
type Grads = tf.NamedTensorMap | NamedTensor[];
const fr = Math.fround;
/** Variables of fewer than 4 × this many floats stay on one thread. */
const SPLIT_MIN = 4096;

/**
 * tf.train.adam, bit for bit, as one SIMD kernel per variable on the WASM heap.
 *
 * Stock Adam runs ~14 element-wise kernels per variable (~9 ms for the 653k parameters of the
 * default MLP VAE); the kernel reads weight, gradient, m and v once and writes the new weight
 * (to a new buffer), m and v (in place) in one pass. Every operation is rounded to float32 in the order
 * tfjs's kernels apply them, so it follows the same trajectory as the stock optimizer.
 *
 * Only on the WASM backend; elsewhere (and for tensors shared with others) it defers to a stock
 * AdamOptimizer — createAdam picks.
 */
export class FusedAdam extends tf.Optimizer {
  static get className() {
    return 'Adam';
  }
  private readonly m: tf.Variable[] = [];
  private readonly v: tf.Variable[] = [];
  /** Weight names, for getWeights' `<name>/m` and `<name>/v`, as tfjs names them. */
  private readonly names: string[] = [];
  /** beta^t as tfjs keeps it: a float32 scalar multiplied by beta each step. */
  private accBeta1: number;
  private accBeta2: number;
  private readonly epsilon: number;

  constructor(
    protected learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    epsilon?: number,
  ) {
    super();
    this.accBeta1 = fr(beta1);
    this.accBeta2 = fr(beta2);
    this.epsilon = epsilon ?? tf.backend().epsilon();
  }

  applyGradients(variableGradients: Grads): void {
    const backend = wasmBackend();
    if (!backend) throw new Error('FusedAdam needs the WASM backend (use createAdam)');
    const named = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor] as const)
      : Object.entries(variableGradients);
    const kernels = heapKernels(backend);
    const k: AdamConstants = {
      b1: fr(this.beta1),
      c1: fr(1 - this.beta1),
      b2: fr(this.beta2),
      c2: fr(1 - this.beta2),
      d1: fr(1 - this.accBeta1),
      d2: fr(1 - this.accBeta2),
      eps: fr(this.epsilon),
      nlr: fr(-this.learningRate),
    };
    const memory = memoryOf(backend);
    const threads = kernelThreads(memory);
    const calls: Call[] = [];
    const updates: (Record<'w' | 'm' | 'v', tf.Variable> & Record<'g' | 'next' | 'mNext' | 'vNext', tf.Tensor>)[] = [];
    named.forEach(([name, g], i) => {
      const w = tf.engine().registeredVariables[name];
      if (!this.m[i]) {
        this.m[i] = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
        this.v[i] = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
        this.names[i] = name;
      }
      if (g == null) return;
      // The new weights go to a new buffer: tfjs-backend-wasm caches each matMul's and conv's
      // packed weights by tensor id, so a weight changed in place would be read stale.
      const next = uninitialised(backend, w.shape);
      // m and v change in place unless another tensor shares their memory (a clone, on WASM).
      const [m, v] = [this.m[i], this.v[i]];
      const [mNext, vNext] = [m, v].map((t) => (exclusive(backend, t) ? t : uninitialised(backend, t.shape)));
      updates.push({ w, g, m, v, next, mNext, vNext });
    });
    const at = (t: tf.Tensor) => pointer(backend, t);
    for (const { w, g, m, v, next, mNext, vNext } of updates) {
      // Element-wise: each float is updated by exactly one call, with the same arithmetic on any thread.
      const quads = w.size >> 2;
      calls.push(
        ...cut(quads, quads >= SPLIT_MIN ? partsFor(quads, threads) : 1, (q0, q1) => [
          kernels.adamCall([at(w) + 16 * q0, at(g) + 16 * q0, at(m) + 16 * q0, at(v) + 16 * q0], [at(next) + 16 * q0, at(mNext) + 16 * q0, at(vNext) + 16 * q0], 4 * (q1 - q0), k),
        ]),
      );
    }
    runCalls(memory, calls, threads > 1);
    for (const { w, g, m, v, next, mNext, vNext } of updates) {
      const n4 = w.size & ~3;
      if (n4 < w.size) adamTail(n4, [w, g, m, v, next, mNext, vNext].map((t) => heapView(backend, t)), k);
      for (const [own, out] of [[w, next], [m, mNext], [v, vNext]] as const) {
        if (out === own) continue;
        own.assign(out);
        out.dispose();
      }
    }
    this.accBeta1 = fr(this.accBeta1 * fr(this.beta1));
    this.accBeta2 = fr(this.accBeta2 * fr(this.beta2));
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose([...this.m, ...this.v]);
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const moments = [
      ...this.m.map((t, i) => ({ name: `${this.names[i]}/m`, tensor: t as tf.Tensor })),
      ...this.v.map((t, i) => ({ name: `${this.names[i]}/v`, tensor: t as tf.Tensor })),
    ];
    return [await this.saveIterations(), ...moments];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weightValues);
    this.accBeta1 = fr(Math.pow(this.beta1, this.iterations + 1));
    this.accBeta2 = fr(Math.pow(this.beta2, this.iterations + 1));
    const half = values.length / 2;
    tf.dispose([...this.m, ...this.v]);
    this.m.length = 0;
    this.v.length = 0;
    // Copies: the loop writes m and v in place, which must not reach the caller's tensors.
    values.forEach((v, i) => {
      (i < half ? this.m : this.v).push(tf.tidy(() => tf.variable(tf.clone(v.tensor), false)));
      if (i < half) this.names[i] = v.name.replace(/\/m$/, '');
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

/** The last size mod 4 floats of a variable, in JS with the kernel's roundings. */
function adamTail(from: number, [W, G, M, V, WO, MO, VO]: Float32Array[], k: AdamConstants): void {
  for (let j = from; j < W.length; j++) {
    const gj = G[j];
    const m = fr(fr(M[j] * k.b1) + fr(gj * k.c1));
    const v = fr(fr(V[j] * k.b2) + fr(fr(gj * gj) * k.c2));
    MO[j] = m;
    VO[j] = v;
    WO[j] = fr(fr(fr(m / k.d1) / fr(fr(Math.sqrt(fr(v / k.d2))) + k.eps)) * k.nlr) + W[j];
  }
}

/** Adam: the fused loop on the WASM backend, tf.train.adam on every other. */
export function createAdam(learningRate: number): tf.Optimizer {
  return wasmBackend() ? new FusedAdam(learningRate) : tf.train.adam(learningRate);
}
