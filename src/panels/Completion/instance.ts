import { useStore } from 'zustand';
import type { CompletionState } from '../../store/completion';
import { completionStore, onCompletionCurve } from '../../store/stores';

export { completionStore };
export const onCurve = onCompletionCurve;
export const completionActions = completionStore.getState().actions;

export function useCompletion<T>(select: (s: CompletionState) => T): T {
  return useStore(completionStore, select);
}
