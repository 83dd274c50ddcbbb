import { useStore } from 'zustand';
import { trainerClient } from '../../client/instance';
import { createCompletionStore, type CompletionState } from './completionStore';

/** The app's completion runs, on the one trainer client. */
export const { store: completionStore, onCurve } = createCompletionStore(trainerClient);
export const completionActions = completionStore.getState().actions;

export function useCompletion<T>(select: (s: CompletionState) => T): T {
  return useStore(completionStore, select);
}
