import type { AnalysisKind, AnalysisPartialOf, AnalysisRequest, AnalysisRequestOf, AnalysisResultOf, Command, TrainerEvent, TrainerState } from '../protocol';
import { withPlainMessage } from '../plainError';

/** The slice of `Worker` the client uses; a test passes a fake with the same shape. */
export interface WorkerPort {
  postMessage(message: Command): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onerror: ((ev: ErrorEvent) => unknown) | null;
  onmessageerror: ((ev: MessageEvent) => unknown) | null;
}

export type TrainerListener = (event: TrainerEvent) => void;

export interface TrainerClientOptions {
  /** Where the dataset manifest lives, resolved against the page (the worker's own URL differs). */
  manifestUrl: string;
  /** How often to ping the worker, ms; 0 or absent: no heartbeat (unit tests). */
  heartbeatMs?: number;
  /**
   * A worker that has not answered a ping for this long is dead (terminated by the browser) or hung.
   * Until its first training step has reported, 4× as long: a backend's first step (shader
   * compilation on a software GPU) can hold the worker's thread for many seconds.
   */
  silentLimitMs?: number;
}

/**
 * Owns the trainer worker: starts it on the first command (so first paint never waits for it),
 * fans its events out to subscribers, and after a crash starts a fresh one on the next command,
 * replaying what a new worker needs to pick up where the old one stood.
 */
export class TrainerClient {
  private worker: WorkerPort | null = null;
  private readonly listeners = new Set<TrainerListener>();
  private lastConfig: Command | null = null;
  private lastBackend: Command | null = null;
  private nextRequestId = 1;
  /** The trainer's last reported state, to know whether a dead worker was training. */
  private lastState: TrainerState = 'idle';
  /** When the oldest unanswered ping was sent, or null when the worker has spoken since. */
  private awaitingSince: number | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private resumeAfterRestart = false;
  /** Whether the current worker has reported a training step yet (see silentLimitMs). */
  private stepped = false;

  constructor(
    private readonly createWorker: () => WorkerPort,
    private readonly options: TrainerClientOptions,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  send(cmd: Command): void {
    if (cmd.type === 'setConfig') this.lastConfig = cmd;
    if (cmd.type === 'setBackend') this.lastBackend = cmd;
    if (!this.worker) {
      const w = this.start();
      // The replay may already include `cmd` itself; send it only once.
      if (cmd === this.lastConfig || cmd === this.lastBackend) return;
      w.postMessage(cmd);
      return;
    }
    this.worker.postMessage(cmd);
  }

  /**
   * Runs one analysis in the worker. The promise resolves with the result or rejects with the
   * worker's message (an AnalysisError whose `cancelled` says whether cancel() caused it).
   */
  analyze<K extends AnalysisKind>(
    request: AnalysisRequestOf<K>,
    onProgress?: (label: string, done: number, total: number) => void,
    /** Snapshots, for kinds that stream them (AnalysisKinds[K]['partial']). */
    onPartial?: (partial: AnalysisPartialOf<K>) => void,
  ): { result: Promise<AnalysisResultOf<K>>; cancel: () => void } {
    const requestId = this.nextRequestId++;
    const result = new Promise<AnalysisResultOf<K>>((resolve, reject) => {
      const off = this.subscribe((e) => {
        if (e.type === 'analysisProgress' && e.requestId === requestId) onProgress?.(e.label, e.done, e.total);
        else if (e.type === 'analysisPartial' && e.requestId === requestId) onPartial?.(e.partial as unknown as AnalysisPartialOf<K>);
        else if (e.type === 'analysisResult' && e.requestId === requestId) {
          off();
          resolve(e.result as unknown as AnalysisResultOf<K>);
        } else if (e.type === 'analysisError' && e.requestId === requestId) {
          off();
          reject(new AnalysisError(e.message, e.cancelled));
        } else if (e.type === 'error' && e.code === 'worker-crashed') {
          off();
          reject(new AnalysisError(e.message, false));
        }
      });
    });
    this.send({ type: 'analyze', requestId, request: request as AnalysisRequest });
    return { result, cancel: () => this.send({ type: 'cancelAnalysis', requestId }) };
  }

  subscribe(listener: TrainerListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.awaitingSince = null;
  }

  /**
   * True once after the worker died silently while training (or was replaced after losing its GPU):
   * the page should resume the run it offers rather than wait for the user.
   */
  takeResumeAfterRestart(): boolean {
    const r = this.resumeAfterRestart;
    this.resumeAfterRestart = false;
    return r;
  }

  /** Replaces the worker at once (its device was lost): the next one starts fresh and resumes the run. */
  replaceWorker(): void {
    this.resumeAfterRestart = this.lastState === 'training' || this.lastState === 'loading';
    this.terminate();
    this.lastState = 'idle';
  }

  /** Test hook: terminates the worker behind this client's back, as the browser may; the heartbeat must notice. */
  killWorkerSilently(): void {
    this.worker?.terminate();
  }

  private start(): WorkerPort {
    const w = this.createWorker();
    w.onmessage = (ev) => {
      if (this.worker !== w) return;
      this.awaitingSince = null;
      const e = ev.data as TrainerEvent;
      if (e.type === 'status') this.lastState = e.state;
      else if (e.type === 'metrics') this.stepped = true;
      this.emit(e);
    };
    w.onerror = (ev) => {
      // Handled here and surfaced as an event, so it is not also an uncaught page error.
      ev.preventDefault();
      if (this.worker === w) this.crashed(ev.message);
    };
    w.onmessageerror = () => {
      this.emit({ type: 'error', code: 'message-error', message: 'A message from the trainer could not be read.', recoverable: true });
    };
    this.worker = w;
    this.startHeartbeat(w);
    w.postMessage({ type: 'init', manifestUrl: this.options.manifestUrl });
    if (this.lastConfig) w.postMessage(this.lastConfig);
    if (this.lastBackend) w.postMessage(this.lastBackend);
    return w;
  }

  private startHeartbeat(w: WorkerPort): void {
    const every = this.options.heartbeatMs ?? 0;
    if (every <= 0) return;
    const base = this.options.silentLimitMs ?? 30_000;
    this.awaitingSince = null;
    this.stepped = false;
    this.heartbeat = setInterval(() => {
      if (this.worker !== w) return;
      const now = Date.now();
      if (this.awaitingSince === null) {
        this.awaitingSince = now;
        w.postMessage({ type: 'ping' });
      } else {
        const limit = this.stepped ? base : 4 * base;
        if (now - this.awaitingSince > limit) this.silentDeath(limit);
      }
    }, every);
  }

  private silentDeath(limit: number): void {
    const wasTraining = this.lastState === 'training';
    this.terminate();
    this.lastState = 'idle';
    this.resumeAfterRestart = wasTraining;
    this.emit({
      type: 'error',
      code: 'worker-crashed',
      message: `The trainer stopped answering for ${Math.round(limit / 1000)} s (its worker was terminated or hung). ${
        wasTraining ? 'A new one was started and the run continues from its last checkpoint.' : 'It restarts on your next action, with your settings.'
      }`,
      recoverable: true,
    });
  }

  private crashed(detail: string | undefined): void {
    this.terminate();
    this.lastState = 'idle';
    // An uncaught error may well repeat: the run is offered for resume, not resumed blindly.
    this.resumeAfterRestart = false;
    // Errors passed up from nested workers read "Uncaught [object ErrorEvent]", which helps nobody.
    const why = detail && !/\[object \w+\]/.test(detail) ? ` (${detail})` : '';
    this.emit({
      type: 'error',
      code: 'worker-crashed',
      message: `The trainer stopped unexpectedly${why}. It restarts on your next action, with your settings.`,
      recoverable: true,
    });
  }

  private emit(event: TrainerEvent): void {
    // A copy, so a listener that unsubscribes while being called does not skip its neighbour.
    // Raw browser words ("Failed to fetch"…) in any message are made plain once, here, for every panel.
    const plain = withPlainMessage(event);
    for (const l of [...this.listeners]) l(plain);
  }
}

export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
  ) {
    super(message);
  }
}
