import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TrainerPort } from '../client/port';
import type { BackendChoice } from '../config/experiment';
import type { BackendProbe, ErrorCode, LossTerms, ProgressTask, RunHistory, TrainerEvent, TrainerState } from '../protocol';

export interface ProgressInfo {
  task: ProgressTask;
  label: string;
  done: number;
  total: number;
}

export interface DatasetInfo {
  name: string;
  trainCount: number;
  testCount: number;
  fromCache: boolean;
  attribution: string;
}

export interface ShownError {
  id: number;
  code: ErrorCode;
  message: string;
  recoverable: boolean;
  field?: string;
}

/** Slow-changing training facts for the page. Per-step curves and pixels never come here. */
export interface TrainingState {
  state: TrainerState;
  /** The trainer's last status message (e.g. why a change waits for Reset). */
  message: string | null;
  step: number;
  /** Epochs completed. */
  epoch: number;
  epochProgress: number;
  imagesPerSec: number | null;
  train: LossTerms | null;
  test: LossTerms | null;
  backendChoice: BackendChoice;
  backend: { name: string; reason: string; probes: BackendProbe[]; threads: number; threadNote: string | null } | null;
  /** The task in progress now, or null once it has finished. */
  progress: ProgressInfo | null;
  /** Dataset loading, kept after it finishes so its bar can show "done". */
  datasetProgress: ProgressInfo | null;
  dataset: DatasetInfo | null;
  errors: ShownError[];
  /** The step of the run's last checkpoint written to storage (null before its first): a reload resumes there. */
  savedStep: number | null;
  actions: {
    train(): void;
    pause(): void;
    resume(): void;
    step(): void;
    reset(): void;
    setBackend(choice: BackendChoice): void;
    dismissError(id: number): void;
  };
}


const MAX_ERRORS = 5;

type Data = Omit<TrainingState, 'actions'>;

export const INITIAL_TRAINING: Data = {
  state: 'idle',
  message: null,
  step: 0,
  epoch: 0,
  epochProgress: 0,
  imagesPerSec: null,
  train: null,
  test: null,
  backendChoice: 'auto',
  backend: null,
  progress: null,
  datasetProgress: null,
  dataset: null,
  errors: [],
  savedStep: null,
};

let nextErrorId = 1;

const lastOf = (h: { step: number[]; nelbo: number[]; recon: number[]; kl: number[]; loss: number[] }): LossTerms | null => {
  const i = h.step.length - 1;
  return i < 0 ? null : { nelbo: h.nelbo[i], recon: h.recon[i], kl: h.kl[i], loss: h.loss[i] };
};

/** The train and test figures a saved history ends on (null where it has none). */
export function lastFigures(h: RunHistory): Pick<Data, 'train' | 'test'> {
  return { train: lastOf(h.train), test: lastOf(h.test) };
}

/** How one event changes the state; pure, so it is tested without a worker. */
export function fold(s: Data, e: TrainerEvent): Partial<Data> {
  switch (e.type) {
    case 'status': {
      const fresh = e.state === 'idle' && e.step === 0;
      // A reset run starts from nothing: old losses would describe a model that is gone.
      const cleared = fresh ? { epochProgress: 0, imagesPerSec: null, train: null, test: null, savedStep: null } : {};
      return { ...cleared, state: e.state, step: e.step, epoch: e.epoch, message: e.message ?? null, progress: e.state === 'loading' ? s.progress : null };
    }
    case 'metrics':
      // The end-of-epoch evaluation arrives as metrics carrying `test`; its other terms repeat the test values.
      if (e.test) return { step: e.step, epoch: e.epoch, epochProgress: e.epochProgress, test: e.test };
      return { step: e.step, epoch: e.epoch, epochProgress: e.epochProgress, imagesPerSec: e.imagesPerSec, train: e.train };
    case 'backend':
      return { backend: { name: e.name, reason: e.reason, probes: e.probes, threads: e.threads, threadNote: e.threadNote ?? null } };
    case 'progress': {
      const p = { task: e.task, label: e.label, done: e.done, total: e.total };
      const finished = e.total > 0 && e.done >= e.total;
      return { progress: finished ? null : p, ...(e.task === 'dataset' ? { datasetProgress: p } : {}) };
    }
    case 'dataset': {
      const info: DatasetInfo = { name: e.name, trainCount: e.trainCount, testCount: e.testCount, fromCache: e.fromCache, attribution: e.attribution };
      const total = Math.max(1, s.datasetProgress?.total ?? 1);
      const label = `${info.trainCount.toLocaleString('en')} training and ${info.testCount.toLocaleString('en')} test images${info.fromCache ? ' (from this browser’s cache)' : ''}`;
      return { dataset: info, datasetProgress: { task: 'dataset', label, done: total, total } };
    }
    case 'history':
      // An opened run or imported model: its last figures, until its own next step replaces them.
      return { ...lastFigures(e.history), savedStep: null };
    case 'runSaved':
      return { savedStep: e.run.step };
    case 'images':
    case 'snapshot':
    case 'note':
    case 'analysisResult':
    case 'analysisProgress':
    case 'analysisError':
    case 'analysisPartial':
    case 'resumable':
    case 'runsResult':
    case 'runsError':
    case 'pong':
    case 'threadCheck':
      // Drawn straight from events by their panels, or answered to the caller; nothing here to keep.
      return {};
    case 'error': {
      const err: ShownError = { id: nextErrorId++, code: e.code, message: e.message, recoverable: e.recoverable, field: e.field };
      // A crashed worker is gone: nothing is training until the next command restarts it.
      const crash = e.code === 'worker-crashed' ? { state: 'idle' as const, progress: null } : {};
      return { ...crash, errors: [...s.errors, err].slice(-MAX_ERRORS) };
    }
  }
}

export function createTrainingStore(port: Pick<TrainerPort, 'send' | 'subscribe'>): StoreApi<TrainingState> {
  const store = createStore<TrainingState>()((set, get) => ({
    ...INITIAL_TRAINING,
    actions: {
      train: () => port.send(get().state === 'paused' ? { type: 'resume' } : { type: 'start' }),
      pause: () => port.send({ type: 'pause' }),
      resume: () => port.send({ type: 'resume' }),
      step: () => port.send({ type: 'step' }),
      reset: () => port.send({ type: 'reset' }),
      setBackend: (backend) => {
        set({ backendChoice: backend });
        port.send({ type: 'setBackend', backend });
      },
      dismissError: (id) => set({ errors: get().errors.filter((e) => e.id !== id) }),
    },
  }));
  port.subscribe((e) => {
    const patch = fold(store.getState(), e);
    if (Object.keys(patch).length) store.setState(patch);
  });
  return store;
}
