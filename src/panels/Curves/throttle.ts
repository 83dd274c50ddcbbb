export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` before the next paint; falls back to a timer where there is no frame loop. */
  frame(fn: () => void): unknown;
  cancelFrame(handle: unknown): void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  frame: (fn) => requestAnimationFrame(() => fn()),
  cancelFrame: (h) => cancelAnimationFrame(h as number),
};

/**
 * Calls `fn` at most once per `intervalMs`, on an animation frame, after a `request()`.
 * Requests in between coalesce into the one pending call.
 */
export class FrameThrottle {
  private last = -Infinity;
  private timer: unknown = null;
  private frameHandle: unknown = null;

  constructor(
    private readonly fn: () => void,
    private readonly intervalMs: number,
    private readonly clock: Clock = browserClock,
  ) {}

  request(): void {
    if (this.timer !== null || this.frameHandle !== null) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait > 0) this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.onFrame();
    }, wait);
    else this.onFrame();
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    if (this.frameHandle !== null) this.clock.cancelFrame(this.frameHandle);
    this.timer = null;
    this.frameHandle = null;
  }

  private onFrame(): void {
    this.frameHandle = this.clock.frame(() => {
      this.frameHandle = null;
      this.last = this.clock.now();
      this.fn();
    });
  }
}
