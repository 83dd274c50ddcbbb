import type { TrainerEvent } from '../protocol';
import type { TrainingData } from './session';

/** What the page is told about a dataset once it is in memory. */
export function datasetEvent(info: { name: string; attribution: string; fromCache: boolean; warning?: string }, data: TrainingData): TrainerEvent {
  return {
    type: 'dataset',
    name: info.name,
    trainCount: data.train.count,
    testCount: data.test.count,
    fromCache: info.fromCache,
    attribution: info.attribution,
    ...(info.warning ? { warning: info.warning } : {}),
  };
}

/** A step's loss was not finite: it was dropped, and the message names the field to change. */
export function nonFiniteEvent(step: number, nelbo: number, learningRate: number): TrainerEvent {
  const shown = Number.isFinite(nelbo) ? nelbo.toFixed(2) : String(nelbo);
  return {
    type: 'error',
    code: 'non-finite-loss',
    message: `Step ${step} gave a non-finite loss (nELBO ${shown}). The update was dropped and the last good weights kept; training is paused. Lower the learning rate (now ${learningRate}) and resume.`,
    recoverable: true,
    field: 'learningRate',
  };
}
