import type { LossTerms, RunHistory, TrainerEvent } from '../../protocol';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/** Train points kept per run; beyond this every other point is dropped, so a long run stays small. */
export const MAX_TRAIN_POINTS = 4000;

export function emptyHistory(): RunHistory {
  return {
    train: { step: [], nelbo: [], recon: [], kl: [], loss: [] },
    test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] },
    notes: [],
  };
}

/** The run's curves as the worker streams them: one point per metrics event, one per evaluation. */
export class MetricHistory {
  constructor(readonly data: RunHistory = emptyHistory()) {}

  add(m: Metrics): void {
    if (m.test) {
      const t = this.data.test;
      push(t, m.step, m.test);
      t.epoch.push(m.epoch);
      return;
    }
    const t = this.data.train;
    // A step the curve already has (a flush right after a restore) would draw a vertical tick.
    if (t.step.length && m.step <= t.step[t.step.length - 1]) return;
    push(t, m.step, m.train);
    if (t.step.length > MAX_TRAIN_POINTS) thin(t);
  }

  note(step: number, text: string): void {
    this.data.notes.push({ step, text });
  }

  /** The last training point and the last evaluation, for the Runs table. */
  final(): { train: LossTerms | null; test: LossTerms | null } {
    return { train: at(this.data.train, this.data.train.step.length - 1), test: at(this.data.test, this.data.test.step.length - 1) };
  }

  /** The best evaluation so far (early stopping restarts from it). */
  best(): { nelbo: number; epoch: number } | null {
    const t = this.data.test;
    let best: { nelbo: number; epoch: number } | null = null;
    t.nelbo.forEach((nelbo, i) => {
      if (!best || nelbo < best.nelbo) best = { nelbo, epoch: t.epoch[i] };
    });
    return best;
  }
}

type Columns = RunHistory['train'];

function push(c: Columns, step: number, terms: LossTerms): void {
  c.step.push(step);
  c.nelbo.push(terms.nelbo);
  c.recon.push(terms.recon);
  c.kl.push(terms.kl);
  c.loss.push(terms.loss ?? terms.nelbo);
}

function at(c: Columns, i: number): LossTerms | null {
  return i < 0 ? null : { nelbo: c.nelbo[i], recon: c.recon[i], kl: c.kl[i], loss: c.loss[i] };
}

/** Keeps every second point, and always the last, so the curve keeps its span and its end. */
function thin(c: Columns): void {
  const last = c.step.length - 1;
  for (const key of ['step', 'nelbo', 'recon', 'kl', 'loss'] as const) {
    c[key] = c[key].filter((_, i) => i % 2 === 0 || i === last);
  }
}
