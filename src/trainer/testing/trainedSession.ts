/** A small trained model for the analysis tests. */
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import type { CompletionRequest } from '../../protocol';
import { TrainingSession } from '../session';
import { mnistSubset } from './mnistSubset';
import type { AnalysisContext } from '../analysis/types';

/** An MLP VAE (784-128-8) after `steps` Adam steps on 2,000 MNIST digits: a few seconds on WASM. */
export function trainedSession(steps = 300, config: Partial<ExperimentConfig> = {}): TrainingSession {
  const s = new TrainingSession({ ...DEFAULT_CONFIG, hidden: [128], latentDim: 8, batchSize: 64, ...config }, mnistSubset(2000, 200));
  for (let i = 0; i < steps; i++) s.trainStep();
  return s;
}

/** A handler context that records progress and snapshots and never yields. */
export function recordingContext(session: TrainingSession) {
  const progress: [string, number, number][] = [];
  const partials: unknown[] = [];
  const ctx: AnalysisContext = {
    session,
    progress: (label, done, total) => void progress.push([label, done, total]),
    checkpoint: async () => {},
    partial: (p) => void partials.push(p),
  };
  return { ctx, progress, partials };
}

/** A 28×28 mask keeping the left half (columns 0–13). */
export function leftHalf(width = 28, height = 28): Uint8Array {
  return Uint8Array.from({ length: width * height }, (_, j) => (j % width < width / 2 ? 1 : 0));
}

export function completionRequest(pixels: Float32Array, mask: Uint8Array, over: Partial<CompletionRequest> = {}): { kind: 'complete' } & CompletionRequest {
  return { kind: 'complete', pixels, mask, method: 'optimize', fill: 'zeros', init: 'random', steps: 100, learningRate: 0.1, mcSamples: 4, samples: 3, seed: 1, ...over };
}
