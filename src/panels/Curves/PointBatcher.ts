import type { TrainerEvent } from '../../protocol';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/** Trace order on the chart; the coordinator and its layout agree on it. */
export const TRACES = ['train nELBO', 'reconstruction', 'KL', 'test nELBO', 'loss'] as const;
export const LOSS_TRACE = 4;

/** loss and nELBO are summed separately in float32: closer than this, they are the same number. */
const SAME = 1e-4;

export interface TraceBatch {
  x: number[][];
  y: number[][];
  indices: number[];
}

/**
 * Collects curve points between chart updates, so plotly is touched a few times a second
 * however often metrics arrive. Plain data, no DOM: tested directly.
 */
export class PointBatcher {
  private xs: number[][] = TRACES.map(() => []);
  private ys: number[][] = TRACES.map(() => []);
  private lastStep = -1;
  /** Once the objective's loss has parted from the nELBO in this run, every later point is drawn. */
  private lossParted = false;

  /** False when the step went backwards: a new run, whose points must not join the old lines. */
  push(m: Metrics): boolean {
    if (m.step < this.lastStep) return false;
    this.lastStep = m.step;
    if (m.test) {
      // The evaluation event repeats the test terms as `train`; only the test marker is new.
      this.add(3, m.step, m.test.nelbo);
      return true;
    }
    this.add(0, m.step, m.train.nelbo);
    this.add(1, m.step, m.train.recon);
    this.add(2, m.step, m.train.kl);
    const { loss, nelbo } = m.train;
    if (loss !== undefined && !this.lossParted) this.lossParted = Math.abs(loss - nelbo) > SAME * Math.max(1, Math.abs(nelbo));
    if (loss !== undefined && this.lossParted) this.add(LOSS_TRACE, m.step, loss);
    return true;
  }

  get pending(): boolean {
    return this.xs.some((a) => a.length > 0);
  }

  /** The points gathered since the last take, only for traces that have some. */
  take(): TraceBatch | null {
    const batch: TraceBatch = { x: [], y: [], indices: [] };
    this.xs.forEach((xs, i) => {
      if (!xs.length) return;
      batch.indices.push(i);
      batch.x.push(xs);
      batch.y.push(this.ys[i]);
    });
    this.xs = TRACES.map(() => []);
    this.ys = TRACES.map(() => []);
    return batch.indices.length ? batch : null;
  }

  clear(): void {
    this.take();
    this.lastStep = -1;
    this.lossParted = false;
  }

  private add(i: number, x: number, y: number): void {
    // A non-finite point would break the autoscaled axis; the trainer reports such steps as errors.
    if (!Number.isFinite(y)) return;
    this.xs[i].push(x);
    this.ys[i].push(y);
  }
}
