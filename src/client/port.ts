import type { AnalysisKind, AnalysisPartialOf, AnalysisRequestOf, AnalysisResultOf, Command, RunsOp, RunsRequest, RunsResultOf, TrainerEvent } from '../protocol';

export type TrainerListener = (event: TrainerEvent) => void;

/** What a request may be given: cancellation, and the progress and partial results it streams. */
export interface RequestOptions<Partial> {
  /** Aborting cancels the request (the worker stops an analysis); the promise rejects with a cancelled RequestError. */
  signal?: AbortSignal;
  onProgress?(label: string, done: number, total: number): void;
  /** Snapshots, for analyses that stream them (AnalysisKinds[K]['partial']). */
  onPartial?(partial: Partial): void;
}

export type RunsRequestOf<K extends RunsOp> = Extract<RunsRequest, { op: K }>;

/** One request to the worker, answered once: an analysis of the current model, or an operation on saved runs. */
export interface RequestFn {
  <K extends AnalysisKind>(kind: 'analyze', payload: AnalysisRequestOf<K>, options?: RequestOptions<AnalysisPartialOf<K>>): Promise<AnalysisResultOf<K>>;
  <K extends RunsOp>(kind: 'runs', payload: RunsRequestOf<K>, options?: RequestOptions<never>): Promise<RunsResultOf<K>>;
}

/**
 * The page's one port to the trainer: commands out, events in, and requests that are answered.
 * TrainerClient is it; stores take it (or the part they use), so tests hand them a fake.
 */
export interface TrainerPort {
  send(cmd: Command): void;
  subscribe(listener: TrainerListener): () => void;
  request: RequestFn;
}

/** A request that failed: the worker's message, or `cancelled` when its signal aborted it. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
  ) {
    super(message);
  }
}

/** Whether an error is a request cancelled by its signal (to be shown as such, not as a failure). */
export function isCancelled(err: unknown): boolean {
  return err instanceof RequestError && err.cancelled;
}
