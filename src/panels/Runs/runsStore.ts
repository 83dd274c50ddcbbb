import { useStore } from 'zustand';
import { trainerClient } from '../../client/instance';
import { createRunsStore, type RunsState } from '../../store/runs';
import { experimentStore } from '../../store/stores';

/** The app's runs store, wired to the trainer and to the Train view's config. */
export const runsStore = createRunsStore(trainerClient, (config, opts) => experimentStore.getState().actions.load(config, opts));
export const runsActions = runsStore.getState().actions;

export function useRuns<T>(select: (s: RunsState) => T): T {
  return useStore(runsStore, select);
}

/** Switches to a view's tab, as a click on it would (focus moves there too). */
export function showView(id: string): void {
  document.getElementById(`tab-${id}`)?.click();
}
