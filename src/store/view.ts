import { createStore } from 'zustand/vanilla';

/** Which view (tab) is shown, and whether the settings drawer is open (Presenter mode folds settings into one). */
export interface ViewState {
  active: string;
  settingsOpen: boolean;
  show(id: string): void;
  setSettingsOpen(open: boolean): void;
}

export const viewStore = createStore<ViewState>()((set) => ({
  active: 'train',
  settingsOpen: false,
  show: (active) => set({ active }),
  setSettingsOpen: (settingsOpen) => set(settingsOpen ? { settingsOpen, active: 'train' } : { settingsOpen }),
}));
