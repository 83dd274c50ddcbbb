/**
 * Commands only test builds understand: fault injection for the end-to-end tests. The worker and
 * the page handle them behind `__VAE_TEST_HOOKS__`, a constant vite.config.ts sets to false in a
 * production build, so the handlers — and these commands' names — are compiled out of it
 * (scripts/arch/bundle.test.ts checks the built bundle).
 */
export type DebugCommand =
  /** The worker throws an uncaught error, as a real crash would. */
  | { type: 'crash' }
  /** The GPU device is lost (WEBGL_lose_context, device.destroy(), or simulated on CPU/WASM). */
  | { type: 'loseDevice' }
  /** Checkpoint writes fail with QuotaExceededError midway (`fail: true`) until told otherwise. */
  | { type: 'failStorage'; fail: boolean }
  /** Switch to WASM and compare each threaded kernel with one thread; answered by a `threadCheck` event. */
  | { type: 'checkThreads' };

declare global {
  /** true in test builds (vitest, `vite build --mode e2e`, the dev server); false in production. */
  const __VAE_TEST_HOOKS__: boolean;
}
