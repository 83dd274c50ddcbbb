import type { AnalysisRequest, Command, RunsRequest, TrainerEvent } from '../protocol';
import { RequestError, type RequestFn, type RequestOptions, type TrainerListener, type TrainerPort } from './port';

interface Pending {
  kind: 'analyze' | 'runs';
  resolve(result: unknown): void;
  reject(err: RequestError): void;
  onProgress?: RequestOptions<unknown>['onProgress'];
  onPartial?: RequestOptions<unknown>['onPartial'];
  done(): void;
}

/**
 * Every request in flight, in one map keyed by request id: sends the command, routes the worker's
 * progress, partial and final answers to the one that asked, cancels on its AbortSignal, and fails
 * them all when the worker crashes (a new worker knows nothing of them).
 */
export class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly send: (cmd: Command) => void) {}

  get size(): number {
    return this.pending.size;
  }

  readonly request: RequestFn = ((kind: 'analyze' | 'runs', payload: AnalysisRequest | RunsRequest, options: RequestOptions<unknown> = {}) => {
    const { signal, onProgress, onPartial } = options;
    if (signal?.aborted) return Promise.reject(new RequestError('Cancelled.', true));
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      // An analysis is stopped by the worker, which answers with a cancelled error; runs requests
      // are short and cannot be stopped, so their answer is just no longer awaited.
      const abort = () => {
        if (kind !== 'analyze') return this.settle(requestId)?.reject(new RequestError('Cancelled.', true));
        // Whatever the worker streams until it stops is no longer wanted: a cancelled chart stays still.
        const p = this.pending.get(requestId);
        if (p) p.onProgress = p.onPartial = undefined;
        this.send({ type: 'cancelAnalysis', requestId });
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.pending.set(requestId, { kind, resolve, reject, onProgress, onPartial, done: () => signal?.removeEventListener('abort', abort) });
      this.send(kind === 'analyze' ? { type: 'analyze', requestId, request: payload as AnalysisRequest } : { type: 'runs', requestId, request: payload as RunsRequest });
    });
  }) as RequestFn;

  /** Routes one event from the worker to the request it answers, if any. */
  handle(e: TrainerEvent): void {
    switch (e.type) {
      case 'analysisProgress':
        this.pending.get(e.requestId)?.onProgress?.(e.label, e.done, e.total);
        return;
      case 'analysisPartial':
        this.pending.get(e.requestId)?.onPartial?.(e.partial);
        return;
      case 'analysisResult':
      case 'runsResult':
        this.settle(e.requestId)?.resolve(e.result);
        return;
      case 'analysisError':
        this.settle(e.requestId)?.reject(new RequestError(e.message, e.cancelled));
        return;
      case 'runsError':
        this.settle(e.requestId)?.reject(new RequestError(e.message, false));
        return;
      case 'error':
        if (e.code === 'worker-crashed') for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new RequestError(e.message, false));
        return;
    }
  }

  private settle(requestId: number): Pending | undefined {
    const p = this.pending.get(requestId);
    if (!p) return undefined;
    this.pending.delete(requestId);
    p.done();
    return p;
  }
}

/** A full TrainerPort over a bare one (send and subscribe): for tests that fake the worker's answers. */
export function withRequests(base: { send(cmd: Command): void; subscribe(listener: TrainerListener): () => void }): TrainerPort {
  const requests = new PendingRequests((cmd) => base.send(cmd));
  base.subscribe((e) => requests.handle(e));
  return { send: (cmd) => base.send(cmd), subscribe: (l) => base.subscribe(l), request: requests.request };
}
