import type { Command, DebugCommand, TrainerEvent, TrainerState } from '../protocol';
import type { RequestFn, TrainerListener, TrainerPort } from './port';
import { PendingRequests } from './requests';
import { withPlainMessage } from '../plainError';

/** The slice of `Worker` the client uses; a test passes a fake with the same shape. */
export interface WorkerLike {
  postMessage(message: Command | DebugCommand): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onerror: ((ev: ErrorEvent) => unknown) | null;
  onmessageerror: ((ev: MessageEvent) => unknown) | null;
}

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
export class TrainerClient implements TrainerPort {
  private worker: WorkerLike | null = null;
  private readonly listeners = new Set<TrainerListener>();
  private lastConfig: Command | null = null;
  private lastBackend: Command | null = null;
  private readonly requests = new PendingRequests((cmd) => this.send(cmd));
  /** The trainer's last reported state, to know whether a dead worker was training. */
  private lastState: TrainerState = 'idle';
  /** When the oldest unanswered ping was sent, or null when the worker has spoken since. */
  private awaitingSince: number | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private resumeAfterRestart = false;
  /** Whether the current worker has reported a training step yet (see silentLimitMs). */
  private stepped = false;

  constructor(
    private readonly createWorker: () => WorkerLike,
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
   * One request answered by the worker (an analysis, or an operation on saved runs), with
   * cancellation by AbortSignal and streamed progress and partial results; see PendingRequests.
   */
  readonly request: RequestFn = this.requests.request;

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
    if (__VAE_TEST_HOOKS__) this.worker?.terminate();
  }

  /** Test hook: fault injection (src/protocol/debug.ts); does nothing in a production build. */
  debug(cmd: DebugCommand): void {
    if (__VAE_TEST_HOOKS__) (this.worker ?? this.start()).postMessage(cmd);
  }

  private start(): WorkerLike {
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

  private startHeartbeat(w: WorkerLike): void {
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
    this.requests.handle(event);
    // A copy, so a listener that unsubscribes while being called does not skip its neighbour.
    // Raw browser words ("Failed to fetch"…) in any message are made plain once, here, for every panel.
    const plain = withPlainMessage(event);
    for (const l of [...this.listeners]) l(plain);
  }
}
