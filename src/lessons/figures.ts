import { experimentStore, trainingStore } from '../store/stores';
import { request } from '../store/trainer';
import type { FigureId } from './format';

/** Waits for a condition on the training store (the end-of-epoch evaluation arrives a moment after the epoch). */
function when<T>(read: () => T | null, timeoutMs: number, why: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = read();
    if (now !== null) return resolve(now);
    const timer = setTimeout(() => (off(), reject(new Error(why))), timeoutMs);
    const off = trainingStore.subscribe(() => {
      const v = read();
      if (v !== null) {
        clearTimeout(timer);
        off();
        resolve(v);
      }
    });
  });
}

/** The live figure a prediction is checked against, read from the model as it is now. */
export async function readFigure(figure: FigureId, signal?: AbortSignal): Promise<number> {
  switch (figure) {
    case 'activeUnits':
      return (await request('analyze', { kind: 'collapse', limit: 1000 }, { signal })).activeUnits;
    case 'latentDim':
      return experimentStore.getState().config.latentDim;
    case 'trainNelbo':
      return when(() => trainingStore.getState().train?.nelbo ?? null, 10_000, 'No training nELBO yet: train the model first.');
    case 'trainKl':
      return when(() => trainingStore.getState().train?.kl ?? null, 10_000, 'No training KL yet: train the model first.');
    case 'testNelbo':
      return when(() => trainingStore.getState().test?.nelbo ?? null, 30_000, 'No validation nELBO yet: it is measured at the end of each epoch.');
    case 'amortizationGap': {
      const r = await request('analyze', { kind: 'amortizationGap', count: 8, seed: 1, init: 'encoder', steps: 150, learningRate: 0.05, mcSamples: 4 }, { signal });
      let sum = 0;
      for (let i = 0; i < r.count; i++) sum += r.optimized[i] - r.encoder[i];
      return sum / Math.max(1, r.count);
    }
    default:
      throw new Error(`Unknown figure "${figure}".`);
  }
}
