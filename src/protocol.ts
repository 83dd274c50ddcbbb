/**
 * The only contract between the page and the trainer worker.
 * Each member carries its own payload, so a `switch (msg.type)` narrows it.
 */
import type { BackendChoice, BackendName, ExperimentConfig } from './config/experiment';

export type Command =
  /** First command a new worker gets: where the dataset manifest is, resolved by the page. */
  | { type: 'init'; manifestUrl: string }
  | { type: 'setConfig'; config: ExperimentConfig }
  | { type: 'setBackend'; backend: BackendChoice }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'reset' }
  /** Runs one analysis on the current model (see AnalysisKinds); answered by analysis* events. */
  | { type: 'analyze'; requestId: number; request: AnalysisRequest }
  | { type: 'cancelAnalysis'; requestId: number };

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
}
export type AnalysisKind = keyof AnalysisKinds;
export type AnalysisRequest = { [K in AnalysisKind]: { kind: K } & AnalysisKinds[K]['request'] }[AnalysisKind];
export type AnalysisResult = { [K in AnalysisKind]: { kind: K } & AnalysisKinds[K]['result'] }[AnalysisKind];
export type AnalysisRequestOf<K extends AnalysisKind> = { kind: K } & AnalysisKinds[K]['request'];
export type AnalysisResultOf<K extends AnalysisKind> = { kind: K } & AnalysisKinds[K]['result'];

export type TrainerState = 'idle' | 'loading' | 'training' | 'paused' | 'stopped';

export interface LossTerms {
  /** Negative ELBO, nats per image. */
  nelbo: number;
  /** Expected negative log-likelihood −E_q[log p(x|z)], nats per image. */
  recon: number;
  /** KL(q(z|x) ‖ p(z)), nats per image. */
  kl: number;
  /** What the optimiser minimises (recon + β·KL, recon + λ·MMD², or recon); equals nelbo for the plain ELBO. */
  loss?: number;
}

export interface BackendProbe {
  name: BackendName;
  /** Images per second in the probe, or null when the backend was skipped or failed. */
  imagesPerSec: number | null;
  note: string;
}

export type ProgressTask = 'dataset' | 'backend' | 'evaluation';

/** A grid of images, row-major, values 0..255, transferred (not copied) across threads. */
export interface ImageGridPayload {
  count: number;
  cols: number;
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8ClampedArray;
}

export type TrainerEvent =
  | { type: 'status'; state: TrainerState; step: number; epoch: number; message?: string }
  | { type: 'backend'; name: BackendName; reason: string; probes: BackendProbe[] }
  | { type: 'progress'; task: ProgressTask; label: string; done: number; total: number }
  | {
      type: 'dataset';
      name: string;
      trainCount: number;
      testCount: number;
      fromCache: boolean;
      attribution: string;
    }
  | {
      type: 'metrics';
      step: number;
      epoch: number;
      /** Fraction of the current epoch done, 0..1. */
      epochProgress: number;
      imagesPerSec: number;
      /** Mean over the steps since the previous metrics event. */
      train: LossTerms;
      /** Present once per epoch, after evaluation on the test split. */
      test?: LossTerms;
    }
  | { type: 'images'; kind: 'reconstructions' | 'samples'; step: number; grid: ImageGridPayload }
  | { type: 'analysisResult'; requestId: number; result: AnalysisResult }
  | { type: 'analysisProgress'; requestId: number; label: string; done: number; total: number }
  | { type: 'analysisError'; requestId: number; message: string; cancelled: boolean }
  /** Something worth marking on the curves at a step, e.g. "β = 2". */
  | { type: 'note'; step: number; text: string }
  | { type: 'error'; code: string; message: string; recoverable: boolean; field?: string };

export type TrainerEventType = TrainerEvent['type'];
