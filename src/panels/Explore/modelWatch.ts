import type { StoreApi } from 'zustand/vanilla';
import { trainingStore } from '../../store/stores';
import type { TrainingState } from '../../store/training';

/** Steps taken by the current model; 0 means there is no model to analyse yet. */
export function modelStep(store: StoreApi<TrainingState> = trainingStore): number {
  return store.getState().step;
}

/**
 * Calls back as the model changes, outside React (the step moves ~10×/s while training):
 * 'trained' when it has taken more steps, 'fresh' when a reset or a new run replaced it.
 */
export function watchModel(onChange: (change: 'trained' | 'fresh') => void, store: StoreApi<TrainingState> = trainingStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.step === prev.step) return;
    onChange(s.step < prev.step ? 'fresh' : 'trained');
  });
}
