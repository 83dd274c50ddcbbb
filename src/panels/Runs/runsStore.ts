import { useStore } from 'zustand';
import type { RunsState } from '../../store/runs';
import { runsStore } from '../../store/stores';
import { viewStore } from '../../store/view';

export { runsStore };
export const runsActions = runsStore.getState().actions;

export function useRuns<T>(select: (s: RunsState) => T): T {
  return useStore(runsStore, select);
}

/** Switches to a view, as a click on its tab would (focus moves there too). */
export function showView(id: string): void {
  viewStore.getState().show(id, { focus: true });
}
