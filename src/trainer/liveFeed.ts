import type { LossTerms, TrainerEvent } from '../protocol';
import type { CoreHost } from './coreHost';
import { MetricsWindow } from './metrics';
import type { TrainingSession } from './session';

const METRICS_EVERY_MS = 100;
const IMAGES_EVERY_MS = 500;

/**
 * What the page sees of a training run as it goes: the steps' mean losses and images/s at most
 * every 100 ms, the reconstruction and sample grids at most every 500 ms, and each epoch's test
 * figures beside the last training ones. Kept apart from the state machine so every sender
 * throttles alike.
 */
export class LiveFeed {
  private window: MetricsWindow;
  private lastMetricsAt = 0;
  private lastImagesAt = 0;
  private lastTrain: LossTerms | null = null;
  private lastRate = 0;

  constructor(
    private readonly emit: CoreHost['emit'],
    private readonly now: () => number,
    /** The run now current: a grid drawn for a session replaced meanwhile is dropped. */
    private readonly current: () => TrainingSession | null,
  ) {
    this.window = new MetricsWindow(now);
  }

  /** A new or moved run: figures start afresh. */
  restart(): void {
    this.window = new MetricsWindow(this.now);
  }

  /** After a pause: idle time does not count as slow training. */
  restartClock(): void {
    this.window.restartClock();
  }

  add(terms: LossTerms, images: number): void {
    this.window.add(terms, images);
  }

  /** Sends what is due after a slice of steps. */
  async tick(): Promise<void> {
    const t = this.now();
    if (t - this.lastMetricsAt >= METRICS_EVERY_MS) this.flushMetrics();
    if (t - this.lastImagesAt >= IMAGES_EVERY_MS) await this.flushImages();
  }

  /** The steps' mean losses since the last send, now. */
  flushMetrics(): void {
    this.lastMetricsAt = this.now();
    const s = this.current();
    if (!s) return;
    const m = this.window.take();
    if (!m) return;
    this.lastTrain = m.train;
    this.lastRate = m.imagesPerSec;
    this.emit({ type: 'metrics', ...place(s), imagesPerSec: m.imagesPerSec, train: m.train });
  }

  /** An epoch's test figures, beside the last training figures (the test ones where none yet). */
  testMetrics(s: TrainingSession, test: LossTerms): void {
    this.emit({ type: 'metrics', ...place(s), imagesPerSec: this.lastRate, train: this.lastTrain ?? test, test });
  }

  /** The reconstruction and sample grids, now. */
  async flushImages(): Promise<void> {
    this.lastImagesAt = this.now();
    const s = this.current();
    if (!s) return;
    const step = s.step;
    const grids = [['reconstructions', s.reconstructions()], ['samples', s.samples()]] as const;
    for (const [kind, grid] of grids) {
      const g = await grid;
      if (this.current() === s) this.emit({ type: 'images', kind, step, grid: g } satisfies TrainerEvent, [g.pixels.buffer]);
    }
  }
}

function place(s: TrainingSession) {
  return { step: s.step, epoch: s.epoch, epochProgress: s.stepInEpoch / s.stepsPerEpoch };
}
