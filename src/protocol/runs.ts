/** Requests on saved runs and their answers: part of the page ↔ worker contract (src/protocol/). */
import type { ExperimentConfig } from '../config/experiment';
import type { LossTerms } from './payloads';
import type { TimelineOps } from './timeline';

/** A saved training run as the Runs view lists it (written by src/trainer/checkpoint/). */
export interface RunSummary {
  id: string;
  name: string;
  config: ExperimentConfig;
  dataset: { id: string; shape: [number, number, number] };
  /** 'active': training or paused when last saved (resumable); 'finished': ran its epochs or stopped early; 'stopped': reset or discarded. */
  status: 'active' | 'finished' | 'stopped';
  step: number;
  epoch: number;
  createdAt: number;
  updatedAt: number;
  /** Wall-clock time spent training, ms. */
  trainingMs: number;
  paramCount: number;
  /** The last training metrics and the last test-split evaluation. */
  final: { train: LossTerms | null; test: LossTerms | null };
  /** Runs imported together (a class's files) share a group name, e.g. "Imported 5 runs at 14:02". */
  group?: string;
}

/** A run's curves, compact: one train point per metrics event, one test point per evaluated epoch. */
export interface RunHistory {
  train: { step: number[]; nelbo: number[]; recon: number[]; kl: number[]; loss: number[] };
  test: { step: number[]; epoch: number[]; nelbo: number[]; recon: number[]; kl: number[]; loss: number[] };
  notes: { step: number; text: string }[];
}

/** Where an exported model goes: TF.js Layers (hence Keras) or PyTorch. */
export type ExportTarget = 'tfjs' | 'pytorch';

/** Each operation on saved runs: its request fields and its result (the timeline's are in timeline.ts). */
export interface RunsOps extends TimelineOps {
  list: { request: Record<never, never>; result: { runs: RunSummary[] } };
  rename: { request: { id: string; name: string }; result: { run: RunSummary } };
  remove: { request: { id: string }; result: Record<never, never> };
  /** Stops offering a run for resume; it stays in the list. */
  discard: { request: { id: string }; result: Record<never, never> };
  history: { request: { id: string }; result: { id: string; history: RunHistory } };
  /** One JSON file: config, dataset reference and weights in TensorFlow.js's weights format. */
  exportModel: { request: { id: string }; result: { fileName: string; text: string } };
  /** The run's model for another framework: a zip (TF.js Layers models, or PyTorch code + weights). */
  exportFor: { request: { id: string; target: ExportTarget }; result: { fileName: string; data: Uint8Array<ArrayBuffer> } };
  /** Validates a model file and loads it as a new run, paused, in place of the current one. */
  importModel: { request: { text: string }; result: { run: RunSummary } };
  /**
   * Many model files saved as finished runs of one group, none loaded into the Train view: a
   * class's experiments collected for comparison. A bad file is refused by name; the rest land.
   */
  importRuns: {
    request: { files: { fileName: string; text: string }[]; group: string };
    result: { runs: RunSummary[]; refused: { fileName: string; message: string }[] };
  };
}
export type RunsOp = keyof RunsOps;
export type RunsRequest = { [K in RunsOp]: { op: K } & RunsOps[K]['request'] }[RunsOp];
export type RunsResult = { [K in RunsOp]: { op: K } & RunsOps[K]['result'] }[RunsOp];
export type RunsResultOf<K extends RunsOp> = { op: K } & RunsOps[K]['result'];
