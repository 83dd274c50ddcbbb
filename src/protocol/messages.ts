/**
 * The only contract between the page and the trainer worker.
 * Each member carries its own payload, so a `switch (msg.type)` narrows it.
 */
import type { BackendChoice, BackendName, ExperimentConfig } from '../config/experiment';
import type { AnalysisPartial, AnalysisRequest, AnalysisResult } from './analysis';
import type { ErrorCode } from './errors';
import type { BackendProbe, ImageGridPayload, LossTerms, ProgressTask, TrainerState } from './payloads';
import type { RunHistory, RunsRequest, RunsResult, RunSummary } from './runs';
import type { SnapshotEvent } from './timeline';

export type Command =
  /** First command a new worker gets: where the dataset manifest is, resolved by the page. */
  | { type: 'init'; manifestUrl: string }
  | { type: 'setConfig'; config: ExperimentConfig }
  | { type: 'setBackend'; backend: BackendChoice }
  /** `name` names the new run (a preset's name); without it the run is named from its config. */
  | { type: 'start'; name?: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'reset' }
  /** Runs one analysis on the current model (see AnalysisKinds); answered by analysis* events. */
  | { type: 'analyze'; requestId: number; request: AnalysisRequest }
  | { type: 'cancelAnalysis'; requestId: number }
  /** Saved runs: list, rename, delete, curves, model files out and in; answered by runsResult or runsError. */
  | { type: 'runs'; requestId: number; request: RunsRequest }
  /** Which unfinished run (not open in another tab) can be resumed; answered by a `resumable` event. */
  | { type: 'checkResume' }
  /** Restores a saved run exactly (weights, optimizer, step, shuffle order, curves); `train` continues at once. */
  | { type: 'resumeRun'; runId: string; train: boolean }
  /** The page imported or deleted these datasets in this browser's storage: a copy held in memory is stale. */
  | { type: 'datasetsChanged'; ids: string[] }
  /** Heartbeat: the worker answers `pong`; a worker that stays silent is dead or hung (TrainerClient). */
  | { type: 'ping' };
// Test builds also understand a DebugCommand (debug.ts); production builds do not.

export type TrainerEvent =
  | { type: 'status'; state: TrainerState; step: number; epoch: number; message?: string }
  | {
      type: 'backend';
      name: BackendName;
      reason: string;
      probes: BackendProbe[];
      /** CPU threads the training kernels use (WASM; 1 for the others). */
      threads: number;
      /** WASM: e.g. "SIMD, 2 threads", or why it runs on one thread. */
      threadNote?: string;
    }
  | { type: 'progress'; task: ProgressTask; label: string; done: number; total: number }
  | {
      type: 'dataset';
      name: string;
      trainCount: number;
      testCount: number;
      fromCache: boolean;
      attribution: string;
      /** Something the person should know about the data, e.g. that storage was full. */
      warning?: string;
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
  /** A snapshot of a running analysis whose kind declares a `partial` type (see AnalysisPartialOf). */
  | { type: 'analysisPartial'; requestId: number; partial: AnalysisPartial }
  /** Something worth marking on the curves at a step, e.g. "β = 2". */
  | { type: 'note'; step: number; text: string }
  /** Test builds: the answer to checkThreads, kernels compared on `threads` threads against one, and those that differ. */
  | {
      type: 'threadCheck';
      threads: number;
      compared: string[];
      differing: string[];
      /** Median ms of the heaviest kernels on all threads and on one. */
      timings?: { name: string; manyMs: number; oneMs: number; helpedShare: number }[];
      error?: string;
    }
  | { type: 'error'; code: ErrorCode; message: string; recoverable: boolean; field?: string }
  /** The newest unfinished run this tab may resume, or null; answers checkResume. */
  | { type: 'resumable'; run: RunSummary | null }
  /** The current run was saved (autosave, epoch end, pause): its summary for the Runs view. */
  | { type: 'runSaved'; run: RunSummary }
  /** The current run's curves so far, after a resume or an import: the page redraws them. */
  | { type: 'history'; runId: string; history: RunHistory }
  | { type: 'runsResult'; requestId: number; result: RunsResult }
  | { type: 'runsError'; requestId: number; message: string }
  /** Answers `ping`: the worker is alive and its event loop turns. */
  | { type: 'pong' }
  /** A new moment of the current run's training timeline (timeline.ts). */
  | SnapshotEvent;

export type TrainerEventType = TrainerEvent['type'];
