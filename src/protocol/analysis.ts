/** Analyses the worker runs on the current model: part of the page ↔ worker contract (src/protocol/). */
import type { ImageGridPayload } from './payloads';

/**
 * Every analysis the worker can run on the current model: its request fields and its result.
 * Adding one is a line here and a handler in src/trainer/analysis/handlers.ts.
 * Bulk arrays in results are transferred, never copied.
 */
export interface AnalysisKinds {
  /** Posterior means of the first `limit` images of a split, with their labels. */
  encode: {
    request: { split: 'train' | 'test'; limit: number };
    result: { means: Float32Array; labels: Uint8Array; count: number; dim: number };
  };
  /** Gaussian mixture fitted by EM to training latent means or pooled pixels; streams its log-likelihood curve. */
  gmm: { request: GmmRequest; partial: { iteration: number; logLikelihood: number }; result: GmmResult };
  /** A small MLP classifier trained on latent means (frozen encoder) or on pixels; streams its curves. */
  probe: { request: ProbeRequest; partial: ProbePoint; result: ProbeResult };
  /** Importance-weighted bound on log p(x) with k samples, beside the ELBO of the same images and samples. */
  iwae: { request: IwaeRequest; result: IwaeResult };
  /** tfjs's own accounting, for leak checks and the benchmark. */
  memory: {
    request: Record<never, never>;
    result: { numTensors: number; numBytes: number; backend: string; step: number };
  };
  /** Test-split images: the given indices, or `count` drawn with `seed` (of one label when given). */
  testImages: {
    request: { count: number; label?: number; seed?: number; indices?: number[] };
    result: { pixels: Float32Array; labels: Uint8Array; indices: Int32Array; count: number; shape: [number, number, number] };
  };
  /** Fills the unknown pixels of one image from the observed ones; 'optimize' streams its progress. */
  complete: { request: CompletionRequest; partial: CompletionPartial; result: CompletionResult };
  /** ELBO of `count` random test images under the encoder's q(z|x) and under a q fitted per image. */
  amortizationGap: {
    request: { count: number; seed: number; init: 'random' | 'encoder'; steps: number; learningRate: number; mcSamples: number };
    result: {
      count: number;
      indices: Int32Array;
      labels: Uint8Array;
      /** ELBO per image, nats, from the same Monte Carlo draws for both. */
      encoder: Float32Array;
      optimized: Float32Array;
      /** Per image: the original, the decoder mean at the encoder's mean, at the fitted mean; D values each. */
      images: Float32Array;
      shape: [number, number, number];
    };
  };
  // Explore view: bulk arrays in these results are transferred.
  /** Test images beside their reconstructions (original, reconstruction, …), z = posterior mean or a draw of q(z|x). */
  reconstruct: {
    request: { select: TestSelection; latent: 'mean' | 'sample'; seed: number };
    result: { grid: ImageGridPayload; indices: Int32Array; labels: Uint8Array };
  };
  /** Decoded prior draws z = temperature·ε, ε ~ N(0, I). */
  priorSamples: {
    request: { count: number; cols: number; temperature: number; seed: number; output: DecoderOutput };
    result: { grid: ImageGridPayload };
  };
  /** Decoded latent points chosen by the page (count × d values), e.g. a clicked spot of the latent scatter. */
  decodeLatents: {
    request: { latents: Float32Array; count: number; output: DecoderOutput; seed: number };
    result: { grid: ImageGridPayload };
  };
  /** One row per pair of test images: an end, `steps` decoded codes between the posterior means, the other end. */
  interpolate: {
    request: { pairs: [number, number][]; steps: number; method: 'linear' | 'spherical'; ends: 'originals' | 'decoded' };
    result: { grid: ImageGridPayload };
  };
  /** Posterior means of the first `limit` test images in a plane (the latent itself when d = 2, else the first two principal axes). */
  latentScatter: {
    request: { limit: number; previousAxes?: Float32Array };
    result: { points: Float32Array; labels: Uint8Array; count: number; dim: number; plane: LatentPlane };
  };
  /** Where a drawing lands: its posterior mean (unknown pixels filled as 'amortized' fills them), on `plane`, with its k nearest test codes' labels. */
  drawingCode: {
    request: { pixels: Float32Array; mask: Uint8Array; fill: 'zeros' | 'mean'; plane: LatentPlane; limit: number; neighbours: number };
    result: {
      /** d values: the posterior mean. */
      code: Float32Array;
      /** (u, v) on the plane, as latentScatter's points. */
      point: Float32Array;
      /** Indices of the nearest of the first `count` test codes, nearest first. */
      neighbours: Int32Array;
      /** Per label, its share of the neighbours; they add up to 1. */
      shares: Float32Array;
      count: number;
      dim: number;
    };
  };
  /** Decoder means over a size × size grid of z = (Φ⁻¹(u₁), Φ⁻¹(u₂)); d = 2 only. */
  manifold: {
    request: { size: number };
    result: { grid: ImageGridPayload; axis: Float32Array };
  };
  /** Posterior-collapse statistics over the first `limit` test images (d values each unless noted). */
  collapse: {
    request: { limit: number };
    result: {
      count: number;
      dim: number;
      klPerDim: Float32Array;
      /** Cov_x(E_q[z_j]), Burda et al.'s activity; units above `threshold` are active. */
      activity: Float32Array;
      activeUnits: number;
      threshold: number;
      /** Of the centred latent-means matrix, largest first, with each one's share of the variance. */
      singularValues: Float32Array;
      explained: Float32Array;
    };
  };
  /** x₀ ~ p(x|z₀), z₀ ~ N(0, I), then `steps` rounds of z ~ q(z|x), x ~ p(x|z); frame t shows x_t (or the decoder mean). */
  limitingChain: {
    request: { count: number; cols: number; steps: number; seed: number; show: DecoderOutput };
    result: { frames: Uint8ClampedArray; frameCount: number; grid: Omit<ImageGridPayload, 'pixels'> };
  };
}
export type AnalysisKind = keyof AnalysisKinds;
export type AnalysisRequest = { [K in AnalysisKind]: { kind: K } & AnalysisKinds[K]['request'] }[AnalysisKind];
export type AnalysisResult = { [K in AnalysisKind]: { kind: K } & AnalysisKinds[K]['result'] }[AnalysisKind];
export type AnalysisRequestOf<K extends AnalysisKind> = { kind: K } & AnalysisKinds[K]['request'];
export type AnalysisResultOf<K extends AnalysisKind> = { kind: K } & AnalysisKinds[K]['result'];
/** Kinds that stream snapshots while they run name the snapshot's type `partial` in AnalysisKinds. */
export type AnalysisPartialOf<K extends AnalysisKind> = AnalysisKinds[K] extends { partial: infer P } ? { kind: K } & P : never;
export type AnalysisPartial = { [K in AnalysisKind]: AnalysisPartialOf<K> }[AnalysisKind];

/** One image to complete. D = h·w·c pixels of the model's input, row-major. */
export interface CompletionRequest {
  /** Pixel values in [0, 1]; those of unknown pixels are ignored. */
  pixels: Float32Array;
  /** 1 where the pixel is observed, 0 where it is to be filled in. */
  mask: Uint8Array;
  /** 'amortized': the encoder sees the image, unknown pixels filled by `fill`; 'optimize': q(z|Ψ) fitted to the observed pixels. */
  method: 'amortized' | 'optimize';
  fill: 'zeros' | 'mean';
  /** optimize: Ψ starts at a draw from the prior, or at the encoder's q for the filled image. */
  init: 'random' | 'encoder';
  steps: number;
  learningRate: number;
  /** Draws of z per Adam step. */
  mcSamples: number;
  /** How many completions at z ~ q to return besides the one at the mean. */
  samples: number;
  seed: number;
}
export interface CompletionPartial {
  /** Steps done so far, of `steps`. */
  step: number;
  steps: number;
  /** The partial ELBO of the steps since the previous snapshot, ending at `step`. */
  elbo: Float32Array;
  /** The completion at the current mean of q. */
  completion: Float32Array;
}
export interface CompletionResult {
  /** Observed pixels as given, unknown ones from the decoder mean at z = mean of q. */
  completion: Float32Array;
  /** The decoder mean at z = mean of q, over the whole image. */
  decoded: Float32Array;
  /** `sampleCount` completions at z ~ q, D values each. */
  samples: Float32Array;
  sampleCount: number;
  /** Partial ELBO (observed pixels only) of the final q, nats, a Monte Carlo estimate. */
  elbo: number;
  /** optimize: the partial ELBO at every step; empty for amortized. */
  curve: Float32Array;
  observed: number;
  shape: [number, number, number];
}

export interface GmmRequest {
  /** 'latent': posterior means of training images; 'pixels': training images average-pooled by `pool`. */
  source: 'latent' | 'pixels';
  /** Training images to fit (the first ones). */
  limit: number;
  /** pixels: pooling factor in each direction (4 turns 28×28 into 7×7). */
  pool: number;
  components: number;
  covariance: 'diag' | 'full';
  maxIter: number;
  /** Convergence: change of the mean log-likelihood per point between iterations. */
  tol: number;
  seed: number;
}
export interface GmmResult {
  source: 'latent' | 'pixels';
  count: number;
  dim: number;
  /** Mean log-likelihood per point (nats) at each EM iteration. */
  logLikelihood: Float64Array;
  iterations: number;
  converged: boolean;
  /** NMI between the most responsible component and the true label. */
  nmi: number;
  weights: Float64Array;
  /** 100 images: decoded GMM samples (latent) or the samples themselves, upsampled (pixels). */
  samples: ImageGridPayload;
  /** latent: decoder means at 100 draws z ~ N(0, I), for comparison; null for pixels. */
  prior: ImageGridPayload | null;
  /** The objective the model was trained with (e.g. 'autoencoder'). */
  objective: string;
  seconds: number;
}
export interface ProbeRequest {
  /** 'latent': posterior means from the frozen encoder; 'pixels': the images themselves. */
  input: 'latent' | 'pixels';
  trainLimit: number;
  /** Test images held out to measure validation accuracy. */
  valLimit: number;
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}
export interface ProbePoint {
  input: 'latent' | 'pixels';
  /** Epochs done, fractional. */
  epoch: number;
  /** Mean cross-entropy (nats) of the batches since the previous point. */
  trainLoss: number;
  valLoss: number;
  valAccuracy: number;
}
export interface ProbeResult {
  input: 'latent' | 'pixels';
  dim: number;
  trainCount: number;
  valCount: number;
  points: ProbePoint[];
  /** Validation accuracy after the last epoch, 0..1. */
  accuracy: number;
  seconds: number;
}
export interface IwaeRequest {
  split: 'train' | 'test';
  /** The first `limit` images of the split. */
  limit: number;
  /** k, importance samples per image (1–5000). */
  samples: number;
  seed: number;
}
export interface IwaeResult {
  split: 'train' | 'test';
  count: number;
  samples: number;
  /** Means over images (nats per image) and their standard errors. */
  iwae: number;
  iwaeStdErr: number;
  /** The ELBO estimated from the same k samples (their mean log-weight); equals iwae when k = 1. */
  elbo: number;
  elboStdErr: number;
  /** iwae − elbo, with the standard error of the per-image differences. */
  gap: number;
  gapStdErr: number;
  /** Whether log p(x|z) is a probability mass (a bound on log P(x)) or a density. */
  discrete: boolean;
  seconds: number;
}

/** Which test images an Explore panel shows. */
export type TestSelection =
  | { by: 'random'; count: number; seed: number }
  | { by: 'label'; label: number; count: number; seed: number }
  | { by: 'indices'; indices: number[] };
/** Show the decoder's mean image E[x|z], or one draw x ~ p(x|z). */
export type DecoderOutput = 'mean' | 'sample';
/** A plane through latent space: point (u, v) is z = mean + u·components[0..d) + v·components[d..2d). */
export interface LatentPlane {
  axes: 'latent' | 'pca';
  mean: Float32Array;
  components: Float32Array;
  /** Share of the means' total variance along each axis, 0..1. */
  explained: Float32Array;
}
