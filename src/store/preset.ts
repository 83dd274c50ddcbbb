import { createStore } from 'zustand/vanilla';
import type { Preset, PresetGroup } from '../config/presets';

/** The preset the Train view is running, so its "what to look at" stays beside the chart. */
export interface PresetState {
  active: { group: PresetGroup; preset: Preset } | null;
  actions: {
    set(group: PresetGroup, preset: Preset): void;
    clear(): void;
  };
}

export const presetStore = createStore<PresetState>()((set) => ({
  active: null,
  actions: {
    set: (group, preset) => set({ active: { group, preset } }),
    clear: () => set({ active: null }),
  },
}));
