import * as tf from './tf';
import type { ExperimentConfig } from '../config/experiment';
import type { ImageGridPayload, LossTerms } from '../protocol';
import { buildModel, objectiveFor } from './model/build';
import { lossTerms, type ModelParts } from './model/loss';
import { createAdam } from './optim/adam';
import { allFinite, heapUnitRows, wasmBackend } from './wasm/heap';
import { maskedApply, setOptimizerIterations } from './maskedUpdate';
import { useFastWasmKernels } from './wasm/register';
import { mulberry32, permutation, streamSeed, type SeededRandom } from './random';

/** Pixels as uint8 (0 = background) plus labels, as the data layer delivers them. */
export interface SplitData {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}
export interface TrainingData {
  shape: [number, number, number];
  train: SplitData;
  test: SplitData;
}

export type StepResult = { ok: boolean; terms: LossTerms };

/** GPU backends: reading a tensor synchronously there stalls, returns early or loses the device (shared/TFJS.md). */
export function gpuBackendActive(): boolean {
  const name = tf.getBackend();
  return name === 'webgl' || name === 'webgpu';
}

/** Where the run stood before a step was enqueued: what a refused step rewinds to. */
interface Mark {
  step: number;
  epoch: number;
  stepInEpoch: number;
  order: Int32Array;
  rngState: number;
  iterations: number;
}

/** Where a run stands, beyond its tensors: what a checkpoint needs to continue it exactly. */
export interface SessionProgress {
  step: number;
  epoch: number;
  stepInEpoch: number;
  evaluatedEpoch: number;
  /** The shuffle stream's state after drawing `order`. */
  rngState: number;
  /** This epoch's shuffled order of the training images. */
  order: Int32Array;
}

const STREAM_EPS = 1;
/** The stream of the test evaluation's draws (export tests rebuild them). */
export const STREAM_EVAL = 2;
const STREAM_SAMPLES = 3;
const STREAM_BINARIZE = 4;
const STREAM_PRIOR = 5;
const RECON_PAIRS = 16;
const SAMPLE_COUNT = 64;
const EVAL_CHUNK = 500;

/** An awaited read (never a synchronous one: GPU backends), then the tensor is released. */
async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** v / 255 as float32 for every byte: the exact values the division gives, by lookup. */
const UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

function toTensor(split: SplitData, dim: number): tf.Tensor2D {
  const f = new Float32Array(split.count * dim);
  const src = split.images;
  for (let i = 0; i < f.length; i++) f[i] = UNIT[src[i]];
  return tf.tensor2d(f, [split.count, dim]);
}

/** Rows `idx` of a split in [0, 1]: the same float32 values toTensor holds (on WASM built on the heap). */
function rowsTensor(split: SplitData, dim: number, idx: ArrayLike<number>): tf.Tensor2D {
  const onHeap = heapUnitRows(split.images, dim, idx);
  if (onHeap) return onHeap;
  const f = new Float32Array(idx.length * dim);
  const src = split.images;
  for (let r = 0; r < idx.length; r++) {
    const from = idx[r] * dim;
    const to = r * dim;
    for (let j = 0; j < dim; j++) f[to + j] = UNIT[src[from + j]];
  }
  return tf.tensor2d(f, [idx.length, dim]);
}

/**
 * The tensors of one training run: data on the backend, model, optimizer, and the step.
 * Everything here is synchronous tensor work; the state machine lives in core.ts.
 */
export class TrainingSession {
  readonly parts: ModelParts;
  readonly inputDim: number;
  // The training set is never copied to the backend as float32 (60,000 MNIST images are 188 MB, and
  // converting them took 0.5–1.3 s of a warm start): each batch is built from the uint8 pixels and
  // uploaded (400 KB a step, ~0.2 ms). On WebGPU the whole set would also pass the 128 MiB
  // storage-buffer binding it guarantees (a kernel bound past it reads back zeros).
  private readonly testX: tf.Tensor2D;
  /** Read by checkpoint/snapshot.ts, which saves and restores its slots. */
  readonly optimizer: tf.Optimizer;
  /** Everything the optimizer updates, in a fixed order: model weights, then likelihood extras. */
  readonly variables: tf.Variable[];
  private readonly shuffleRand: SeededRandom;
  private order: Int32Array;
  private readonly sampleZ: tf.Tensor2D;
  private readonly reconX: tf.Tensor2D;
  step = 0;
  epoch = 0;
  stepInEpoch = 0;
  /** The epoch whose test evaluation has been emitted, so it runs once. */
  evaluatedEpoch = 0;
  /**
   * Deferred reads (GPU backends): steps are enqueued with `enqueueStep` and their figures read in one
   * awaited batch by `settle`; the non-finite guard runs on the device as a masked update. Otherwise
   * `trainStep` reads each step's figures at once (on WASM the read is free: the heap is JS memory).
   */
  readonly deferred: boolean;
  /** Deferred mode: false on the device from the first refused step until `settle` has read it. */
  private healthy: tf.Variable | null = null;
  private pending: { stats: tf.Tensor; before: Mark }[] = [];
  private disposed = false;

  constructor(
    private config: ExperimentConfig,
    readonly data: TrainingData,
    options: { deferredReads?: boolean } = {},
  ) {
    const [h, w, c] = data.shape;
    this.inputDim = h * w * c;
    useFastWasmKernels();
    this.parts = buildModel(config, data.shape);
    this.variables = [...this.parts.model.variables, ...(this.parts.likelihood.trainableExtras ?? [])];
    // Fused Adam (WASM) keeps its β powers in JS, out of reach of a device-side mask: never deferred there.
    this.deferred = (options.deferredReads ?? gpuBackendActive()) && wasmBackend() === null;
    this.testX = toTensor(data.test, this.inputDim);
    this.optimizer = config.optimizer === 'sgd' ? tf.train.momentum(config.learningRate, config.momentum) : createAdam(config.learningRate);
    this.shuffleRand = mulberry32(config.seed);
    this.order = permutation(data.train.count, this.shuffleRand);
    this.sampleZ = tf.randomNormal<tf.Rank.R2>([SAMPLE_COUNT, config.latentDim], 0, 1, 'float32', streamSeed(config.seed, STREAM_SAMPLES, 0));
    const pairs = Math.min(RECON_PAIRS, data.test.count);
    this.reconX = tf.tidy(() => tf.slice(this.testX, [0, 0], [pairs, this.inputDim]));
    if (this.deferred) this.healthy = tf.variable(tf.scalar(true, 'bool'), false);
  }

  get model() {
    return this.parts.model;
  }

  get batchSize(): number {
    return Math.min(this.config.batchSize, this.data.train.count);
  }

  get stepsPerEpoch(): number {
    return Math.max(1, Math.floor(this.data.train.count / this.batchSize));
  }

  /** Settings that can change mid-run without rebuilding the model: rate, batch, epochs, β, MMD. */
  updateConfig(config: ExperimentConfig): void {
    this.config = config;
    // tfjs reads `learningRate` on every update but declares it protected.
    (this.optimizer as unknown as { learningRate: number }).learningRate = config.learningRate;
    this.parts.objective = objectiveFor(config);
    if (this.stepInEpoch * this.batchSize >= this.data.train.count) this.stepInEpoch = 0;
  }

  get progress(): SessionProgress {
    const { step, epoch, stepInEpoch, evaluatedEpoch } = this;
    return { step, epoch, stepInEpoch, evaluatedEpoch, rngState: this.shuffleRand.state(), order: this.order.slice() };
  }

  /** Continues from a saved position: the next step draws the batch the saved run would have drawn. */
  restoreProgress(p: SessionProgress): void {
    if (p.order.length !== this.order.length) {
      throw new Error(`The saved shuffle order covers ${p.order.length} images, but the training set has ${this.order.length}.`);
    }
    this.step = p.step;
    this.epoch = p.epoch;
    this.stepInEpoch = p.stepInEpoch;
    this.evaluatedEpoch = p.evaluatedEpoch;
    this.shuffleRand.setState(p.rngState);
    this.order = Int32Array.from(p.order);
  }

  /** Images start..start+n of a split as a [n, D] tensor in [0, 1] (the caller disposes it). */
  images(split: 'train' | 'test', start: number, n: number): tf.Tensor2D {
    if (split === 'train') return rowsTensor(this.data.train, this.inputDim, Int32Array.from({ length: n }, (_, i) => start + i));
    return tf.slice(this.testX, [start, 0], [n, this.inputDim]);
  }

  /** The batch as the model sees it: grey levels, or a fresh seeded 0/1 draw of them. */
  private prepare(x: tf.Tensor2D, counter: number): tf.Tensor2D {
    if (this.config.binarize !== 'dynamic') return x;
    const u = tf.randomUniform(x.shape, 0, 1, 'float32', streamSeed(this.config.seed, STREAM_BINARIZE, counter));
    return tf.cast(tf.less(u, x), 'float32') as tf.Tensor2D;
  }

  /** Loss, gradients and the stacked figures [loss, recon, kl, (Σ grad²)] of the next batch, on the device. */
  private lossAndGrads(withGradSq: boolean): { grads: tf.NamedTensorMap; stats: tf.Tensor1D } {
    const b = this.batchSize;
    const start = this.stepInEpoch * b;
    const idx = this.order.subarray(start, start + b);
    const { seed, latentDim } = this.config;
    return tf.tidy(() => {
      const x = this.prepare(rowsTensor(this.data.train, this.inputDim, idx), this.step);
      const eps = tf.randomNormal<tf.Rank.R2>([b, latentDim], 0, 1, 'float32', streamSeed(seed, STREAM_EPS, this.step));
      let recon!: tf.Scalar;
      let kl!: tf.Scalar;
      const { value, grads } = tf.variableGrads(() => {
        const t = lossTerms(this.parts, x, eps, streamSeed(seed, STREAM_PRIOR, this.step));
        recon = tf.keep(t.recon);
        kl = tf.keep(t.kl);
        return t.loss;
      }, this.variables);
      const terms: tf.Tensor[] = [value, recon, kl];
      // A chain of adds, not addN: WebGPU's AddN binds every input as a storage buffer, and past the
      // default limit of 8 a stage its pipeline is invalid, and with it the whole submission (read back as zeros).
      if (withGradSq) terms.push(Object.values(grads).map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b)));
      const stats = tf.stack(terms) as tf.Tensor1D;
      // Kept past variableGrads' own scope above; released here once stacked.
      tf.dispose([recon, kl]);
      return { grads, stats };
    });
  }

  /** Counts a step as done: the next batch, and a new shuffle after the epoch's last. */
  private advance(): void {
    this.step++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epoch++;
      this.order = permutation(this.data.train.count, this.shuffleRand);
    }
  }

  /** One optimisation step, read at once. A non-finite loss or gradient is dropped before it touches the weights. */
  trainStep(): StepResult {
    if (this.deferred) throw new Error('trainStep reads synchronously; this session defers reads (use enqueueStep and settle)');
    // On WASM the gradients are checked on the heap by a SIMD kernel (allFinite, below); elsewhere on the
    // device, read back with the loss in one transfer.
    const heapCheck = wasmBackend() !== null;
    const { grads, stats } = this.lossAndGrads(!heapCheck);
    const [loss, recon, kl, gradSq] = stats.dataSync();
    stats.dispose();
    const gradsOk = heapCheck ? allFinite(Object.values(grads)) : Number.isFinite(gradSq);
    const terms = { nelbo: recon + kl, recon, kl, loss };
    const ok = gradsOk === true && [loss, recon, kl].every(Number.isFinite);
    // variableGrads keys gradients by variable name, which is what applyGradients looks up.
    if (ok) this.optimizer.applyGradients(grads as unknown as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
    tf.dispose(Object.values(grads));
    if (ok) this.advance();
    return { ok, terms };
  }

  /**
   * Deferred mode: queues one step without reading anything back. Its update is masked on the device by
   * "every figure finite, and every earlier unread step too", so from the first bad step on nothing
   * reaches the weights or the optimizer; `settle` then rewinds the counters to that step.
   */
  enqueueStep(): void {
    if (!this.deferred || !this.healthy) throw new Error('enqueueStep needs a session with deferred reads');
    const before: Mark = {
      step: this.step,
      epoch: this.epoch,
      stepInEpoch: this.stepInEpoch,
      order: this.order,
      rngState: this.shuffleRand.state(),
      iterations: this.optimizer.iterations,
    };
    const { grads, stats } = this.lossAndGrads(true);
    const ok = tf.tidy(() => tf.logicalAnd(this.healthy!, tf.all(tf.isFinite(stats))) as tf.Scalar);
    this.healthy.assign(ok);
    maskedApply(this.optimizer, this.variables, grads, ok);
    tf.dispose([ok, ...Object.values(grads)]);
    this.pending.push({ stats, before });
    this.advance();
  }

  /** Steps enqueued and not yet read. */
  get unsettled(): number {
    return this.pending.length;
  }

  /**
   * Reads the figures of every enqueued step in one awaited transfer. Results stop at the first refused
   * step (ok: false), to which the counters, the shuffle and the optimizer's step count are rewound;
   * the steps queued after it were masked out on the device and are dropped too.
   */
  async settle(): Promise<StepResult[]> {
    if (this.pending.length === 0) return [];
    const batch = this.pending.splice(0);
    const all = tf.stack(batch.map((p) => p.stats));
    tf.dispose(batch.map((p) => p.stats));
    let values: Float32Array;
    try {
      values = (await all.data()) as Float32Array;
    } finally {
      all.dispose();
    }
    if (this.disposed) return [];
    const out: StepResult[] = [];
    for (let i = 0; i < batch.length; i++) {
      const [loss, recon, kl, gradSq] = values.subarray(4 * i, 4 * i + 4);
      const ok = [loss, recon, kl, gradSq].every(Number.isFinite);
      out.push({ ok, terms: { nelbo: recon + kl, recon, kl, loss } });
      if (!ok) {
        this.rewind(batch[i].before);
        break;
      }
    }
    return out;
  }

  private rewind(m: Mark): void {
    this.step = m.step;
    this.epoch = m.epoch;
    this.stepInEpoch = m.stepInEpoch;
    this.order = m.order;
    this.shuffleRand.setState(m.rngState);
    setOptimizerIterations(this.optimizer, m.iterations);
    tf.tidy(() => this.healthy!.assign(tf.scalar(true, 'bool')));
  }

  /** Test-split terms for one chunk; call for chunk = 0..evalChunks-1 and average. */
  get evalChunks(): number {
    return Math.ceil(this.data.test.count / EVAL_CHUNK);
  }

  async evalChunk(chunk: number): Promise<{ terms: LossTerms; count: number }> {
    const start = chunk * EVAL_CHUNK;
    const n = Math.min(EVAL_CHUNK, this.data.test.count - start);
    const { seed, latentDim } = this.config;
    const stats = tf.tidy(() => {
      // Fixed seeds: the same weights always score the same.
      const x = this.prepare(tf.slice(this.testX, [start, 0], [n, this.inputDim]), -1 - chunk);
      const eps = tf.randomNormal<tf.Rank.R2>([n, latentDim], 0, 1, 'float32', streamSeed(seed, STREAM_EVAL, chunk));
      const t = lossTerms(this.parts, x, eps, streamSeed(seed, STREAM_PRIOR, -1 - chunk));
      return tf.stack([t.loss, t.recon, t.kl]);
    });
    const [loss, recon, kl] = await readAndDispose(stats);
    return { terms: { nelbo: recon + kl, recon, kl, loss }, count: n };
  }

  /** Test images interleaved with their reconstructions (decoder mean at the posterior mean). */
  reconstructions(): Promise<ImageGridPayload> {
    const n = this.reconX.shape[0];
    const out = tf.tidy(() => {
      const { mu } = this.model.encode(this.reconX);
      const rec = this.parts.likelihood.mean(this.model.decode(mu));
      // [n, 2, D] → pairs side by side: original, reconstruction.
      return tf.reshape(tf.stack([this.reconX, rec], 1), [2 * n, this.inputDim]) as tf.Tensor2D;
    });
    return this.toGrid(out, 8);
  }

  /** Decoder means at fixed prior draws, so the grid shows the same z evolving. */
  samples(): Promise<ImageGridPayload> {
    return this.toGrid(tf.tidy(() => this.parts.likelihood.mean(this.model.decode(this.sampleZ))), 8);
  }

  private async toGrid(t: tf.Tensor2D, cols: number): Promise<ImageGridPayload> {
    const scaled = tf.tidy(() => tf.mul(tf.clipByValue(t, 0, 1), 255));
    t.dispose();
    const values = await readAndDispose(scaled);
    const [height, width, channels] = this.data.shape;
    return { count: values.length / this.inputDim, cols, width, height, channels: channels as 1 | 3, pixels: Uint8ClampedArray.from(values) };
  }

  dispose(): void {
    this.disposed = true;
    tf.dispose([...this.pending.map((p) => p.stats), ...(this.healthy ? [this.healthy] : [])]);
    this.pending = [];
    this.parts.model.dispose();
    this.optimizer.dispose();
    tf.dispose([this.testX, this.sampleZ, this.reconX]);
  }
}
