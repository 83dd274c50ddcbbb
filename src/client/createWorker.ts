import type { WorkerLike } from './TrainerClient';

/** The one place that names the worker entry, so Vite bundles it and tests can swap in a fake. */
export function createWorker(): WorkerLike {
  // `?threads=N` in the page's address caps the WASM kernel threads (the bench compares 1 and N);
  // the worker reads it from its name.
  const threads = Number(new URLSearchParams(window.location.search).get('threads'));
  const name = Number.isInteger(threads) && threads > 0 ? `vae-trainer threads=${threads}` : 'vae-trainer';
  return new Worker(new URL('../trainer/trainer.worker.ts', import.meta.url), { type: 'module', name });
}
