import { useStore } from 'zustand';
import { experimentStore, promptsStore, trainingStore } from '../store/stores';
import type { PromptsState } from '../store/prompts';
import type { ExperimentState } from '../store/experiment';
import type { TrainingState } from '../store/training';

/** Selector hooks: a component re-renders only when what it selects changes. */
export function useExperiment<T>(select: (s: ExperimentState) => T): T {
  return useStore(experimentStore, select);
}

export function useTraining<T>(select: (s: TrainingState) => T): T {
  return useStore(trainingStore, select);
}

export const experimentActions = experimentStore.getState().actions;
export const trainingActions = trainingStore.getState().actions;

export function usePrompts<T>(select: (s: PromptsState) => T): T {
  return useStore(promptsStore, select);
}

export const promptsActions = promptsStore.getState().actions;
