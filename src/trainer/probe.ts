import type { ExperimentConfig } from '../config/experiment';
import { TrainingSession, type StepResult, type TrainingData } from './session';

function syntheticData(count: number): TrainingData {
  const images = new Uint8Array(count * 784);
  // Deterministic texture: the probe measures speed, not learning.
  for (let i = 0; i < images.length; i++) images[i] = (i * 2654435761) >>> 24;
  const labels = new Uint8Array(count);
  return { shape: [28, 28, 1], train: { images, labels, count }, test: { images: images.subarray(0, 16 * 784), labels, count: 16 } };
}

export interface ProbeResult {
  imagesPerSec: number;
  /** The loss of the first batch, which every correct backend computes alike (same seed, same data). */
  firstLoss: number;
}

/** One step, finished: with deferred reads (GPU backends) its figures are awaited, so its work is done. */
async function finishedStep(session: TrainingSession): Promise<StepResult> {
  if (!session.deferred) return session.trainStep();
  session.enqueueStep();
  return (await session.settle())[0];
}

/**
 * Images/s of real training steps of the configured model on the current backend, within about
 * `budgetMs` after a warm-up step (shader compilation, WASM start-up) that is not counted.
 * Only finished work counts: on GPU backends steps are enqueued and the clock stops at an awaited
 * read of the last one's figures (a synchronous read there returns before the work is done).
 * Reads happen after steps 1, 2, 4, 8, 16, so the probe stops within twice its budget.
 */
export async function probeSpeed(config: ExperimentConfig, budgetMs: number, now: () => number): Promise<ProbeResult> {
  const session = new TrainingSession({ ...config, epochs: 1 }, syntheticData(config.batchSize * 4));
  try {
    const w0 = now();
    const first = await finishedStep(session);
    const firstLoss = first.terms.loss ?? first.terms.nelbo;
    const warm = now() - w0;
    if (warm > budgetMs) return { imagesPerSec: (session.batchSize * 1000) / warm, firstLoss };
    const t0 = now();
    let steps = 0;
    let elapsed = 0;
    do {
      if (session.deferred) session.enqueueStep();
      else session.trainStep();
      steps++;
      if ((steps & (steps - 1)) === 0) {
        await session.settle();
        elapsed = now() - t0;
      }
    } while ((steps & (steps - 1)) !== 0 || (elapsed < (budgetMs - warm) / 2 && steps < 16));
    return { imagesPerSec: (steps * session.batchSize * 1000) / elapsed, firstLoss };
  } finally {
    session.dispose();
  }
}
