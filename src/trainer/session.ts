import * as tf from './tf';
import type { ExperimentConfig } from '../config/experiment';
import type { ImageGridPayload, LossTerms } from '../protocol';
import { buildModel, objectiveFor } from './model/build';
import { lossTerms, type ModelParts } from './model/loss';
import { createAdam } from './optim/adam';
import { allFinite, gatherRows, wasmBackend } from './optim/heap';
import { useFastWasmKernels } from './optim/register';
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

function toTensor(split: SplitData, dim: number): tf.Tensor2D {
  const f = new Float32Array(split.count * dim);
  const src = split.images;
  for (let i = 0; i < f.length; i++) f[i] = src[i] / 255;
  return tf.tensor2d(f, [split.count, dim]);
}

/**
 * The tensors of one training run: data on the backend, model, optimizer, and the step.
 * Everything here is synchronous tensor work; the state machine lives in core.ts.
 */
export class TrainingSession {
  readonly parts: ModelParts;
  readonly inputDim: number;
  private readonly trainX: tf.Tensor2D;
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

  constructor(
    private config: ExperimentConfig,
    readonly data: TrainingData,
  ) {
    const [h, w, c] = data.shape;
    this.inputDim = h * w * c;
    useFastWasmKernels();
    this.parts = buildModel(config, data.shape);
    this.variables = [...this.parts.model.variables, ...(this.parts.likelihood.trainableExtras ?? [])];
    this.trainX = toTensor(data.train, this.inputDim);
    this.testX = toTensor(data.test, this.inputDim);
    this.optimizer = config.optimizer === 'sgd' ? tf.train.momentum(config.learningRate, config.momentum) : createAdam(config.learningRate);
    this.shuffleRand = mulberry32(config.seed);
    this.order = permutation(data.train.count, this.shuffleRand);
    this.sampleZ = tf.randomNormal<tf.Rank.R2>([SAMPLE_COUNT, config.latentDim], 0, 1, 'float32', streamSeed(config.seed, STREAM_SAMPLES, 0));
    const pairs = Math.min(RECON_PAIRS, data.test.count);
    this.reconX = tf.tidy(() => tf.slice(this.testX, [0, 0], [pairs, this.inputDim]));
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
    const x = split === 'train' ? this.trainX : this.testX;
    return tf.slice(x, [start, 0], [n, this.inputDim]);
  }

  /** The batch as the model sees it: grey levels, or a fresh seeded 0/1 draw of them. */
  private prepare(x: tf.Tensor2D, counter: number): tf.Tensor2D {
    if (this.config.binarize !== 'dynamic') return x;
    const u = tf.randomUniform(x.shape, 0, 1, 'float32', streamSeed(this.config.seed, STREAM_BINARIZE, counter));
    return tf.cast(tf.less(u, x), 'float32') as tf.Tensor2D;
  }

  /** One optimisation step. A non-finite loss or gradient is dropped before it touches the weights. */
  trainStep(): StepResult {
    const b = this.batchSize;
    const start = this.stepInEpoch * b;
    const idx = this.order.subarray(start, start + b);
    const { seed, latentDim } = this.config;
    const heapCheck = wasmBackend() !== null;
    const { grads, stats } = tf.tidy(() => {
      const x = this.prepare(gatherRows(this.trainX, idx), this.step);
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
      // On WASM the gradients are checked on the heap by a SIMD kernel (allFinite, below); elsewhere on the
      // device, read back with the loss in one transfer.
      if (!heapCheck) terms.push(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
      const stats = tf.stack(terms);
      // Kept past variableGrads' own scope above; released here once stacked.
      tf.dispose([recon, kl]);
      return { grads, stats };
    });
    const [loss, recon, kl, gradSq] = stats.dataSync();
    stats.dispose();
    const gradsOk = heapCheck ? allFinite(Object.values(grads)) : Number.isFinite(gradSq);
    const terms = { nelbo: recon + kl, recon, kl, loss };
    const ok = gradsOk === true && [loss, recon, kl].every(Number.isFinite);
    // variableGrads keys gradients by variable name, which is what applyGradients looks up.
    if (ok) this.optimizer.applyGradients(grads as unknown as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
    tf.dispose(Object.values(grads));
    if (!ok) return { ok, terms };
    this.step++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epoch++;
      this.order = permutation(this.data.train.count, this.shuffleRand);
    }
    return { ok, terms };
  }

  /** Test-split terms for one chunk; call for chunk = 0..evalChunks-1 and average. */
  get evalChunks(): number {
    return Math.ceil(this.data.test.count / EVAL_CHUNK);
  }

  evalChunk(chunk: number): { terms: LossTerms; count: number } {
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
    const [loss, recon, kl] = stats.dataSync();
    stats.dispose();
    return { terms: { nelbo: recon + kl, recon, kl, loss }, count: n };
  }

  /** Test images interleaved with their reconstructions (decoder mean at the posterior mean). */
  reconstructions(): ImageGridPayload {
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
  samples(): ImageGridPayload {
    return this.toGrid(tf.tidy(() => this.parts.likelihood.mean(this.model.decode(this.sampleZ))), 8);
  }

  private toGrid(t: tf.Tensor2D, cols: number): ImageGridPayload {
    const scaled = tf.tidy(() => tf.mul(tf.clipByValue(t, 0, 1), 255));
    t.dispose();
    const values = scaled.dataSync() as Float32Array;
    scaled.dispose();
    const [height, width, channels] = this.data.shape;
    return { count: values.length / this.inputDim, cols, width, height, channels: channels as 1 | 3, pixels: Uint8ClampedArray.from(values) };
  }

  dispose(): void {
    this.parts.model.dispose();
    this.optimizer.dispose();
    tf.dispose([this.trainX, this.testX, this.sampleZ, this.reconX]);
  }
}
