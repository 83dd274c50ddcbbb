export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Decides when a live panel recomputes, so it never asks for more than the page can show: at most
 * one job in flight, at most one start per interval, none while inactive (hidden, frozen, no
 * model). A slow job also waits `restFactor` times its own duration before the next, so one panel
 * never takes more than 1 / (1 + restFactor) of the worker from training. Requests that arrive
 * meanwhile coalesce into one later run; an urgent one (the person changed a setting) skips the
 * wait but still never overlaps a running job.
 */
export class LiveRefresher {
  private inFlight = false;
  private dirty = false;
  private urgent = false;
  private active = false;
  private lastStart = -Infinity;
  private lastEnd = -Infinity;
  private timer: unknown = null;
  private disposed = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly clock: Clock = realClock,
    private readonly restFactor = 3,
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  request(urgent = false): void {
    this.dirty = true;
    if (urgent) {
      this.urgent = true;
      this.cancelTimer();
    }
    this.pump();
  }

  setActive(active: boolean): void {
    this.active = active;
    if (!active) this.cancelTimer();
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.disposed || !this.active || !this.dirty || this.inFlight || this.timer !== null) return;
    const rest = this.lastEnd + this.restFactor * (this.lastEnd - this.lastStart);
    const wait = this.urgent ? 0 : Math.max(this.lastStart + this.intervalMs, rest) - this.clock.now();
    if (wait > 0) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      return;
    }
    this.dirty = false;
    this.urgent = false;
    this.inFlight = true;
    this.lastStart = this.clock.now();
    this.job()
      .catch(() => {
        // The job reports its own errors; a failure must not stop later refreshes.
      })
      .finally(() => {
        this.inFlight = false;
        this.lastEnd = this.clock.now();
        this.pump();
      });
  }
}
