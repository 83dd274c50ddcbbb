import { trainingStore } from '../../store/stores';

/** Steps taken by the current model; 0 means there is no model to analyse yet. */
export function modelStep(): number {
  return trainingStore.getState().step;
}

/**
 * Calls back as the model changes, outside React (the step moves ~10×/s while training):
 * 'trained' when it has taken more steps, 'fresh' when a reset or a new run replaced it.
 */
export function watchModel(onChange: (change: 'trained' | 'fresh') => void): () => void {
  return trainingStore.subscribe((s, prev) => {
    if (s.step === prev.step) return;
    onChange(s.step < prev.step ? 'fresh' : 'trained');
  });
}
