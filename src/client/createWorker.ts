import type { WorkerLike } from './TrainerClient';

/**
 * The one place that names the worker entry, so Vite bundles it and tests can swap in a fake.
 * `role` names a second trainer of the same entry (the race's lane), so it is told apart in the
 * browser's task manager and debugger.
 */
export function createWorker(role?: string): WorkerLike {
  // `?threads=N` in the page's address caps the WASM kernel threads (the bench compares 1 and N);
  // the worker reads it from its name.
  const threads = Number(new URLSearchParams(window.location.search).get('threads'));
  const base = role ? `vae-trainer ${role}` : 'vae-trainer';
  const name = Number.isInteger(threads) && threads > 0 ? `${base} threads=${threads}` : base;
  return new Worker(new URL('../trainer/trainer.worker.ts', import.meta.url), { type: 'module', name });
}
