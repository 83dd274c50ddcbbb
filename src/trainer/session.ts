import * as tf from './tf';
import type { ExperimentConfig } from '../config/experiment';
import type { ImageGridPayload, LossTerms } from '../protocol';
import { createMlpVae, type VaeModel } from './model/vae';
import { elboTerms } from './model/objective';
import { mulberry32, permutation, streamSeed } from './random';

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

export type StepResult = { ok: true; terms: LossTerms } | { ok: false; terms: LossTerms };

const STREAM_EPS = 1;
const STREAM_EVAL = 2;
const STREAM_SAMPLES = 3;
const RECON_PAIRS = 16;
const SAMPLE_COUNT = 64;
const EVAL_CHUNK = 1000;

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
  readonly model: VaeModel;
  readonly inputDim: number;
  private readonly trainX: tf.Tensor2D;
  private readonly testX: tf.Tensor2D;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly shuffleRand: () => number;
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
    this.model = createMlpVae({
      inputDim: this.inputDim,
      hidden: config.hidden,
      latentDim: config.latentDim,
      seed: config.seed,
    });
    this.trainX = toTensor(data.train, this.inputDim);
    this.testX = toTensor(data.test, this.inputDim);
    this.optimizer = tf.train.adam(config.learningRate);
    this.shuffleRand = mulberry32(config.seed);
    this.order = permutation(data.train.count, this.shuffleRand);
    this.sampleZ = tf.randomNormal<tf.Rank.R2>([SAMPLE_COUNT, config.latentDim], 0, 1, 'float32', streamSeed(config.seed, STREAM_SAMPLES, 0));
    const pairs = Math.min(RECON_PAIRS, data.test.count);
    this.reconX = tf.tidy(() => this.testX.slice([0, 0], [pairs, this.inputDim]));
  }

  get stepsPerEpoch(): number {
    return Math.max(1, Math.floor(this.data.train.count / Math.min(this.config.batchSize, this.data.train.count)));
  }

  get batchSize(): number {
    return Math.min(this.config.batchSize, this.data.train.count);
  }

  /** Settings that can change mid-run without rebuilding the model. */
  updateConfig(config: ExperimentConfig): void {
    this.config = config;
    // tfjs reads `learningRate` on every update but declares it protected.
    (this.optimizer as unknown as { learningRate: number }).learningRate = config.learningRate;
  }

  /** One optimisation step. A non-finite loss or gradient is dropped before it touches the weights. */
  trainStep(): StepResult {
    const b = this.batchSize;
    const start = this.stepInEpoch * b;
    const idx = this.order.subarray(start, start + b);
    const { grads, stats } = tf.tidy(() => {
      const x = tf.gather(this.trainX, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
      const eps = tf.randomNormal([b, this.config.latentDim], 0, 1, 'float32', streamSeed(this.config.seed, STREAM_EPS, this.step)) as tf.Tensor2D;
      let recon!: tf.Scalar;
      let kl!: tf.Scalar;
      const { value, grads } = tf.variableGrads(() => {
        const t = elboTerms(this.model, x, eps);
        recon = tf.keep(t.recon);
        kl = tf.keep(t.kl);
        return t.loss;
      }, this.model.variables);
      const gradSq = tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g))));
      const stats = tf.stack([value, recon, kl, gradSq]);
      // Kept past variableGrads' own scope above; released here once stacked.
      tf.dispose([recon, kl]);
      return { grads, stats };
    });
    const [nelbo, recon, kl, gradSq] = stats.dataSync();
    stats.dispose();
    const terms = { nelbo, recon, kl };
    const ok = [nelbo, recon, kl, gradSq].every(Number.isFinite);
    // variableGrads keys gradients by variable name, which is what applyGradients looks up.
    if (ok) this.optimizer.applyGradients(grads as unknown as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
    tf.dispose(Object.values(grads));
    if (!ok) return { ok: false, terms };
    this.step++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epoch++;
      this.order = permutation(this.data.train.count, this.shuffleRand);
    }
    return { ok: true, terms };
  }

  /** Test-split nELBO for one chunk; call for chunk = 0..evalChunks-1 and average. */
  get evalChunks(): number {
    return Math.ceil(this.data.test.count / EVAL_CHUNK);
  }

  evalChunk(chunk: number): { terms: LossTerms; count: number } {
    const start = chunk * EVAL_CHUNK;
    const n = Math.min(EVAL_CHUNK, this.data.test.count - start);
    const stats = tf.tidy(() => {
      const x = this.testX.slice([start, 0], [n, this.inputDim]);
      const eps = tf.randomNormal([n, this.config.latentDim], 0, 1, 'float32', streamSeed(this.config.seed, STREAM_EVAL, chunk)) as tf.Tensor2D;
      const t = elboTerms(this.model, x, eps);
      return tf.stack([t.loss, t.recon, t.kl]);
    });
    const [nelbo, recon, kl] = stats.dataSync();
    stats.dispose();
    return { terms: { nelbo, recon, kl }, count: n };
  }

  /** Test images interleaved with their reconstructions (decoder mean at the posterior mean). */
  reconstructions(): ImageGridPayload {
    const n = this.reconX.shape[0];
    const out = tf.tidy(() => {
      const { mu } = this.model.encode(this.reconX);
      const rec = tf.sigmoid(this.model.decode(mu)) as tf.Tensor2D;
      // [n, 2, D] → pairs side by side: original, reconstruction.
      return tf.stack([this.reconX, rec], 1).reshape([2 * n, this.inputDim]) as tf.Tensor2D;
    });
    return this.toGrid(out, 8);
  }

  /** Decoder means at fixed prior draws, so the grid shows the same z evolving. */
  samples(): ImageGridPayload {
    const out = tf.tidy(() => tf.sigmoid(this.model.decode(this.sampleZ)) as tf.Tensor2D);
    return this.toGrid(out, 8);
  }

  private toGrid(t: tf.Tensor2D, cols: number): ImageGridPayload {
    const scaled = tf.tidy(() => tf.mul(t, 255));
    t.dispose();
    const values = scaled.dataSync() as Float32Array;
    scaled.dispose();
    const [height, width, channels] = this.data.shape;
    return {
      count: values.length / this.inputDim,
      cols,
      width,
      height,
      channels: channels as 1 | 3,
      pixels: Uint8ClampedArray.from(values),
    };
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
    tf.dispose([this.trainX, this.testX, this.sampleZ, this.reconX]);
  }
}
