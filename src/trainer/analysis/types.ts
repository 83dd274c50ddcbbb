import type { AnalysisKind, AnalysisPartial, AnalysisRequestOf, AnalysisResultOf } from '../../protocol';
import type { TrainingSession } from '../session';

/** What a handler may use: the live model and data, progress reports and cancellation points. */
export interface AnalysisContext {
  session: TrainingSession;
  progress(label: string, done: number, total: number): void;
  /** Yields to queued commands (training slices, cancel) and throws AnalysisCancelled when cancelled. */
  checkpoint(): Promise<void>;
  /** Streams a snapshot of the result so far, for kinds that declare a `partial` type. */
  partial?(snapshot: AnalysisPartial, transfer?: Transferable[]): void;
}

export interface HandlerOutput<K extends AnalysisKind> {
  result: AnalysisResultOf<K>;
  /** Buffers inside `result` to transfer rather than copy. */
  transfer: Transferable[];
}

export type Handler<K extends AnalysisKind> = (req: AnalysisRequestOf<K>, ctx: AnalysisContext) => Promise<HandlerOutput<K>>;

export class AnalysisCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
