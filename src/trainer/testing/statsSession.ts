import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import type { AnalysisPartial } from '../../protocol';
import { TrainingSession, type TrainingData } from '../session';
import * as tf from '../tf';
import type { AnalysisContext } from '../analysis/types';

/** For unit tests: a session trained for `steps` batches on `data`. */
export function trainedSession(data: TrainingData, steps: number, config: Partial<ExperimentConfig> = {}): TrainingSession {
  const s = new TrainingSession({ ...DEFAULT_CONFIG, hidden: [64], latentDim: 8, batchSize: 64, ...config }, data);
  for (let i = 0; i < steps; i++) s.trainStep();
  return s;
}

/** For unit tests: an analysis context that records progress and partials, and never cancels. */
export function recordingContext(session: TrainingSession) {
  const progress: { label: string; done: number; total: number }[] = [];
  const partials: AnalysisPartial[] = [];
  const ctx: AnalysisContext = {
    session,
    progress: (label, done, total) => void progress.push({ label, done, total }),
    partial: (p) => void partials.push(p),
    checkpoint: async () => {},
  };
  return { ctx, progress, partials };
}

/** The tensor count once background work (e.g. the run recorder's snapshot after a step) has let go. */
export async function settledTensors(): Promise<number> {
  let last = -1;
  for (let same = 0; same < 5; ) {
    await new Promise((r) => setTimeout(r, 5));
    const n = tf.memory().numTensors;
    same = n === last ? same + 1 : 0;
    last = n;
  }
  return last;
}
