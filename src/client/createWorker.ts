import type { WorkerLike } from './TrainerClient';

/** The one place that names the worker entry, so Vite bundles it and tests can swap in a fake. */
export function createWorker(): WorkerLike {
  return new Worker(new URL('../trainer/trainer.worker.ts', import.meta.url), { type: 'module' });
}
