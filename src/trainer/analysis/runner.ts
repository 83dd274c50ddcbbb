import type { AnalysisKind, AnalysisRequest, AnalysisResult, TrainerEvent } from '../../protocol';
import type { TrainingSession } from '../session';
import { HANDLERS } from './handlers';
import { AnalysisCancelled, type Handler } from './types';

/** Runs analysis requests between training slices, with progress, cancellation and errors as events. */
export class AnalysisRunner {
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly emit: (e: TrainerEvent, transfer?: Transferable[]) => void,
    private readonly yieldToEvents: () => Promise<void>,
  ) {}

  cancel(requestId: number): void {
    this.cancelled.add(requestId);
  }

  async run(requestId: number, request: AnalysisRequest, session: TrainingSession | null): Promise<void> {
    if (!session) {
      this.emit({ type: 'analysisError', requestId, message: 'There is no model yet: press Train or Step first.', cancelled: false });
      return;
    }
    const handler = HANDLERS[request.kind] as Handler<AnalysisKind>;
    try {
      const out = await handler(request, {
        session,
        progress: (label, done, total) => this.emit({ type: 'analysisProgress', requestId, label, done, total }),
        partial: (partial, transfer) => this.emit({ type: 'analysisPartial', requestId, partial }, transfer),
        checkpoint: async () => {
          await this.yieldToEvents();
          if (this.cancelled.has(requestId)) throw new AnalysisCancelled();
        },
      });
      this.emit({ type: 'analysisResult', requestId, result: out.result as AnalysisResult }, out.transfer);
    } catch (err) {
      const cancelled = err instanceof AnalysisCancelled;
      const message = cancelled ? 'Cancelled.' : err instanceof Error ? err.message : String(err);
      this.emit({ type: 'analysisError', requestId, message, cancelled });
    } finally {
      this.cancelled.delete(requestId);
    }
  }
}
