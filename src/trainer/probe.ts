import type { ExperimentConfig } from '../config/experiment';
import { TrainingSession, type TrainingData } from './session';

function syntheticData(count: number): TrainingData {
  const images = new Uint8Array(count * 784);
  // Deterministic texture: the probe measures speed, not learning.
  for (let i = 0; i < images.length; i++) images[i] = (i * 2654435761) >>> 24;
  const labels = new Uint8Array(count);
  return { shape: [28, 28, 1], train: { images, labels, count }, test: { images: images.subarray(0, 16 * 784), labels, count: 16 } };
}

/**
 * Images/s of real training steps of the configured model on the current backend,
 * after one warm-up step (shader compilation, WASM start-up), within about `budgetMs`.
 */
export function probeSpeed(config: ExperimentConfig, budgetMs: number, now: () => number): number {
  const session = new TrainingSession({ ...config, epochs: 1 }, syntheticData(config.batchSize * 4));
  try {
    const w0 = now();
    session.trainStep();
    const warm = now() - w0;
    if (warm > budgetMs) return (session.batchSize * 1000) / warm;
    const t0 = now();
    let steps = 0;
    do {
      session.trainStep();
      steps++;
    } while (now() - t0 < (budgetMs - warm) / 2 && steps < 20);
    return (steps * session.batchSize * 1000) / (now() - t0);
  } finally {
    session.dispose();
  }
}
