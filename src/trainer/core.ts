import type { BackendChoice, ExperimentConfig } from '../config/experiment';
import { DEFAULT_CONFIG } from '../config/experiment';
import { validateConfig } from '../config/validate';
import { errorCodeOf, isSnapshotStep, type Command, type TrainerState } from '../protocol';
import { AnalysisRunner } from './analysis/runner';
import { answerRuns, captureSession, checkInputShape, findResumable, openSaved, refuseEarly, restoreSession, RunRecorder, type OpenedRun } from './checkpoint';
import { evaluateTest } from './evaluate';
import { LiveFeed } from './liveFeed';
import { TrainingSession, type StepResult, type TrainingData } from './session';
import { configChange, stopReason } from './configChange';
import { datasetEvent, nonFiniteEvent } from './coreEvents';
import type { CoreHost } from './coreHost';

export type { CoreHost, DatasetInfo } from './coreHost';

const SLICE_MS = 30;

/** The trainer's state machine: idle → loading → training ⇄ paused → stopped. */
export class TrainerCore {
  private state: TrainerState = 'idle';
  private config: ExperimentConfig = DEFAULT_CONFIG;
  private pendingConfig: ExperimentConfig | null = null;
  private manifestUrl = 'datasets/manifest.json';
  private backendChoice: BackendChoice = 'auto';
  private backendReady = false;
  private data: { id: string; data: TrainingData; stale?: boolean } | null = null;
  private session: TrainingSession | null = null;
  /** Losses, images/s and grids for the page, throttled. */
  private readonly feed: LiveFeed;
  private looping = false;
  /** Best validation nELBO so far, for early stopping. */
  private best: { nelbo: number; epoch: number } | null = null;
  /** Bumped by reset, so an in-flight load can tell it was abandoned. */
  private generation = 0;
  /** The last reset's final save, which commands that start a run wait for. */
  private resetting: Promise<void> = Promise.resolve();

  private readonly analysis: AnalysisRunner;
  /** Saves the current run (curves, checkpoints) as it sees the events the core emits. */
  private readonly runs: RunRecorder;

  constructor(private readonly host: CoreHost) {
    const emit: CoreHost['emit'] = (e, transfer) => host.emit(e, transfer);
    this.runs = new RunRecorder((e) => emit(e), host.now, host.runs);
    this.host = { ...host, emit: (e, transfer) => (emit(e, transfer), this.runs.observe(e)) };
    this.feed = new LiveFeed(this.host.emit, host.now, () => this.session);
    this.analysis = new AnalysisRunner(host.emit, host.yieldToEvents);
  }

  get currentState(): TrainerState {
    return this.state;
  }
  get currentConfig(): ExperimentConfig {
    return this.config;
  }
  get currentSession(): TrainingSession | null {
    return this.session;
  }

  async handle(cmd: Command): Promise<void> {
    try {
      await this.dispatch(cmd);
    } catch (err) {
      this.fail(err);
    }
  }

  private async dispatch(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init':
        this.manifestUrl = cmd.manifestUrl;
        return;
      case 'setConfig':
        return this.setConfig(cmd.config);
      case 'setBackend':
        this.backendChoice = cmd.backend;
        this.backendReady = false;
        if (this.session) await this.moveRun();
        return;
      case 'start':
        // A reset sent just before (a preset: reset, config, start) finishes saving first.
        await this.resetting;
        if (this.state === 'paused') return this.resume();
        if (this.state === 'idle' || this.state === 'stopped') return this.start(cmd.name);
        return;
      case 'resume':
        if (this.state === 'paused') return this.resume();
        return;
      case 'pause':
        if (this.state === 'training') this.setState('paused');
        return;
      case 'step':
        await this.resetting;
        return this.stepOnce();
      case 'stop':
        if (this.state === 'training' || this.state === 'paused') this.setState('stopped');
        return;
      case 'reset':
        this.resetting = this.runs.close('stopped').then(() => this.reset());
        return this.resetting;
      case 'runs':
        return answerRuns({ recorder: this.runs, emit: this.host.emit, open: (r) => this.openRun(r), newId: () => crypto.randomUUID() }, cmd.requestId, cmd.request);
      case 'checkResume':
        this.host.emit({ type: 'resumable', run: await findResumable(this.runs) });
        return;
      case 'resumeRun':
        await this.openRun(await openSaved(this.runs, cmd.runId));
        if (cmd.train && this.session) this.resume();
        return;
      case 'datasetsChanged':
        // Read again from storage on the next load; a running session keeps the copy it trains on.
        if (this.data && cmd.ids.includes(this.data.id)) this.data = { ...this.data, stale: true };
        return;
      case 'ping':
        this.host.emit({ type: 'pong' });
        return;
      case 'analyze':
        return this.analysis.run(cmd.requestId, cmd.request, this.session);
      case 'cancelAnalysis':
        this.analysis.cancel(cmd.requestId);
        return;
    }
  }

  private setConfig(input: ExperimentConfig): void {
    const v = validateConfig(input);
    if (!v.ok) {
      const e = v.errors[0];
      this.host.emit({ type: 'error', code: 'invalid-config', message: e.message, recoverable: true, field: e.field });
      return;
    }
    const s = this.session;
    const change = configChange(this.config, v.config, s !== null);
    this.pendingConfig = change.pending;
    if (change.pending) this.emitStatus('Model and dataset changes take effect after Reset.');
    if (s && change.note) this.host.emit({ type: 'note', step: s.step, text: change.note });
    this.config = change.config;
    s?.updateConfig(change.config);
  }

  private async start(name?: string): Promise<void> {
    if (this.session && this.session.epoch >= this.config.epochs) this.disposeSession();
    if (!(await this.prepare(name))) return;
    await this.runs.snapshot();
    this.setState('training');
    void this.loop();
  }

  private resume(): void {
    this.feed.restartClock();
    this.setState('training');
    void this.loop();
  }

  private async stepOnce(): Promise<void> {
    if (this.state === 'loading') return;
    if (this.state === 'training') this.setState('paused');
    if (!(await this.prepare())) return;
    await this.runs.snapshot();
    if (this.runStep()) await this.settle();
    this.feed.flushMetrics();
    await this.feed.flushImages();
    await this.maybeFinishEpoch();
    await this.runs.snapshot();
    if (this.state !== 'stopped') this.setState('paused');
  }

  /** Chooses a backend, loads data and builds the model as needed. False when abandoned. */
  private async prepare(name?: string): Promise<boolean> {
    if (this.session) return true;
    const gen = this.generation;
    const prev = this.state;
    this.setState('loading');
    const progress = (task: 'dataset' | 'backend') => (label: string, done: number, total: number) =>
      this.host.emit({ type: 'progress', task, label, done, total });
    const id = this.config.dataset;
    // The dataset loads while the backend is chosen (neither needs the other): a return visit's
    // IndexedDB read and WASM start-up overlap instead of adding up.
    const loading = this.data?.id !== id || this.data.stale ? this.host.loadData(id, this.manifestUrl, progress('dataset')) : null;
    // Settled here if abandoned below, so a failed load is not an unhandled rejection.
    loading?.catch(() => undefined);
    if (!this.backendReady) {
      const b = await this.host.chooseBackend(this.backendChoice, progress('backend'));
      if (gen !== this.generation) return false;
      this.host.emit({ type: 'backend', ...b });
      this.backendReady = true;
    }
    if (loading) {
      const { data, info } = await loading;
      if (gen !== this.generation) return false;
      this.data = { id, data };
      this.host.emit(datasetEvent(info, data));
    }
    const ready = this.data!.data;
    this.session = new TrainingSession(this.config, ready);
    this.runs.begin(this.session, { id, shape: ready.shape }, () => this.config, name);
    this.feed.restart();
    if (this.state === 'loading') this.state = prev;
    return true;
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.state === 'training' && this.session) {
        const t0 = this.host.now();
        do {
          if (!this.runStep()) break;
          // Epoch ends and the timeline's log-spaced steps end a slice: a snapshot is taken there.
          if (this.session.stepInEpoch === 0 || isSnapshotStep(this.session.step)) break;
        } while (this.host.now() - t0 < SLICE_MS);
        // GPU backends: the slice's figures in one awaited read, which also waits for its work to finish.
        await this.settle();
        if (!this.session) break;
        await this.feed.tick();
        await this.maybeFinishEpoch();
        if (this.session) await this.runs.snapshot();
        await this.host.yieldToEvents();
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.looping = false;
      this.feed.flushMetrics();
    }
  }

  /** One step (enqueued only, with deferred reads); on a non-finite loss, pauses with the weights untouched. */
  private runStep(): boolean {
    const s = this.session!;
    if (s.deferred) {
      s.enqueueStep();
      return true;
    }
    return this.account(s, s.trainStep());
  }

  /** Deferred reads: takes in the figures of the steps enqueued so far. False when one was refused. */
  private async settle(): Promise<boolean> {
    const s = this.session;
    if (!s?.deferred) return true;
    for (const r of await s.settle()) if (this.session !== s || !this.account(s, r)) return false;
    return true;
  }

  private account(s: TrainingSession, r: StepResult): boolean {
    if (!r.ok) {
      this.host.emit(nonFiniteEvent(s.step + 1, r.terms.nelbo, this.config.learningRate));
      this.setState('paused');
      return false;
    }
    this.feed.add(r.terms, s.batchSize);
    return true;
  }

  /** After the last step of an epoch: evaluate on the test split; stop after the last epoch. */
  private async maybeFinishEpoch(): Promise<void> {
    const s = this.session;
    if (!s || s.stepInEpoch !== 0 || s.step === 0 || s.evaluatedEpoch === s.epoch) return;
    s.evaluatedEpoch = s.epoch;
    this.feed.flushMetrics();
    const test = await evaluateTest(
      s,
      (done, total) => this.host.emit({ type: 'progress', task: 'evaluation', label: 'Evaluating on the test split', done, total }),
      () => this.host.yieldToEvents(),
      () => this.session === s,
    );
    if (!test) return;
    this.feed.testMetrics(s, test);
    if (!this.best || test.nelbo < this.best.nelbo) this.best = { nelbo: test.nelbo, epoch: s.epoch };
    const stop = stopReason(s.epoch, this.config, test.nelbo, this.best);
    if (stop) {
      await this.feed.flushImages();
      this.setState('stopped', stop);
    }
  }

  private reset(message?: string): void {
    this.generation++;
    this.disposeSession();
    if (this.pendingConfig) {
      this.config = this.pendingConfig;
      this.pendingConfig = null;
    }
    this.setState('idle', message);
  }

  /**
   * Carries the run over to the newly chosen backend: its weights, optimizer state and place in the
   * epoch, as a resume would, then goes on as it was (training or paused).
   */
  private async moveRun(): Promise<void> {
    const old = this.session!;
    const wasTraining = this.state === 'training';
    const gen = this.generation;
    // The loop stops at its next slice, so the copy is of the last step taken.
    this.setState('loading', 'Moving the run to the new backend…');
    const state = await captureSession(old);
    // The old variables go with the old backend.
    this.session = null;
    old.dispose();
    const b = await this.host.chooseBackend(this.backendChoice, (label, done, total) => this.host.emit({ type: 'progress', task: 'backend', label, done, total }));
    if (gen !== this.generation) return;
    this.host.emit({ type: 'backend', ...b });
    this.backendReady = true;
    const s = new TrainingSession(this.config, this.data!.data);
    await restoreSession(s, state);
    this.session = s;
    this.runs.rebind(s);
    this.feed.restart();
    this.host.emit({ type: 'note', step: s.step, text: `backend = ${b.name}` });
    const message = `Run moved to ${b.name.toUpperCase()} at step ${s.step}; weights and optimizer state carried over.`;
    if (wasTraining) {
      this.setState('training', message);
      void this.loop();
    } else this.setState('paused', message);
  }

  /** Puts a saved run or a model file (its lock held) in place of the current run, paused. */
  private async openRun(open: OpenedRun): Promise<void> {
    try {
      // Building variables needs the backend; before one is chosen no run is open, so nothing is lost.
      if (this.backendReady) refuseEarly(open, this.data);
    } catch (err) {
      this.runs.locks.release(open.summary.id);
      throw err;
    }
    try {
      await this.runs.close('stopped');
      this.reset();
      this.config = open.summary.config;
      if (!(await this.prepare())) return this.runs.locks.release(open.summary.id);
      const refused = checkInputShape(open.summary.dataset, this.data!.data.shape);
      if (refused) throw new Error(refused.message);
      const s = this.session!;
      await restoreSession(s, open.state);
      this.runs.adopt(s, open, () => this.config);
      this.best = this.runs.run?.history.best() ?? null;
      this.host.emit({ type: 'history', runId: open.summary.id, history: open.history });
      await this.feed.flushImages();
      // Pausing saves it: an imported model is kept as a run from here on.
      this.setState('paused', `Continuing "${open.summary.name}" from step ${s.step}.`);
    } catch (err) {
      this.reset();
      this.runs.locks.release(open.summary.id);
      throw err;
    }
  }

  private disposeSession(): void {
    this.runs.detach();
    this.session?.dispose();
    this.session = null;
    this.best = null;
  }

  private setState(state: TrainerState, message?: string): void {
    if (state !== 'training') this.feed.flushMetrics();
    this.state = state;
    this.emitStatus(message);
  }

  private emitStatus(message?: string): void {
    const s = this.session;
    this.host.emit({ type: 'status', state: this.state, step: s?.step ?? 0, epoch: s?.epoch ?? 0, message });
  }

  private fail(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.host.emit({ type: 'error', code: errorCodeOf(err), message, recoverable: true });
    this.setState(this.session ? 'paused' : 'idle');
  }
}
