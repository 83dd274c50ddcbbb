import type { LossTerms } from '../protocol';

/** Averages loss terms over the steps between two metrics events, and measures throughput. */
export class MetricsWindow {
  private sum = { nelbo: 0, recon: 0, kl: 0, loss: 0 };
  private steps = 0;
  private images = 0;
  private since: number;
  private rate = 0;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  add(terms: LossTerms, images: number): void {
    this.sum.nelbo += terms.nelbo;
    this.sum.recon += terms.recon;
    this.sum.kl += terms.kl;
    this.sum.loss += terms.loss ?? terms.nelbo;
    this.steps++;
    this.images += images;
  }

  get pending(): number {
    return this.steps;
  }

  /** Returns the mean since the last take and starts a new window; null when empty. */
  take(): { train: LossTerms; imagesPerSec: number } | null {
    if (this.steps === 0) return null;
    const t = this.now();
    const dt = (t - this.since) / 1000;
    // Smooth the rate: windows are ~100 ms, so single windows are noisy.
    if (dt > 0) {
      const r = this.images / dt;
      this.rate = this.rate === 0 ? r : 0.7 * this.rate + 0.3 * r;
    }
    const n = this.steps;
    const train = { nelbo: this.sum.nelbo / n, recon: this.sum.recon / n, kl: this.sum.kl / n, loss: this.sum.loss / n };
    this.reset(t);
    return { train, imagesPerSec: this.rate };
  }

  /** Forget timing (after a pause, so idle time doesn't count as slow training). */
  restartClock(): void {
    this.since = this.now();
    this.images = 0;
  }

  private reset(t: number): void {
    this.sum = { nelbo: 0, recon: 0, kl: 0, loss: 0 };
    this.steps = 0;
    this.images = 0;
    this.since = t;
  }
}
