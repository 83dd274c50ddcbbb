import { useStore } from 'zustand';
import type { RunsState } from '../../store/runs';
import { runsStore } from '../../store/stores';

export { runsStore };
export const runsActions = runsStore.getState().actions;

export function useRuns<T>(select: (s: RunsState) => T): T {
  return useStore(runsStore, select);
}

/** Switches to a view's tab, as a click on it would (focus moves there too). */
export function showView(id: string): void {
  document.getElementById(`tab-${id}`)?.click();
}
