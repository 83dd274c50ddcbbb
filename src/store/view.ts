import { createStore } from 'zustand/vanilla';

/**
 * Which view (tab) is shown: the one way to switch views, for the tabs, the keyboard shortcuts
 * and actions that lead elsewhere (Resume, a preset) alike. Also whether the settings drawer is
 * open (Presenter mode folds the settings into one).
 */
export interface ViewState {
  active: string;
  /** Bumped by show(id, { focus: true }): the tab list then moves focus to the shown tab, as a click on it would. */
  focusRequest: number;
  settingsOpen: boolean;
  show(id: string, options?: { focus?: boolean }): void;
  setSettingsOpen(open: boolean): void;
}

export const viewStore = createStore<ViewState>()((set) => ({
  active: 'train',
  focusRequest: 0,
  settingsOpen: false,
  show: (active, options) => set((s) => ({ active, focusRequest: options?.focus ? s.focusRequest + 1 : s.focusRequest })),
  setSettingsOpen: (settingsOpen) => set(settingsOpen ? { settingsOpen, active: 'train' } : { settingsOpen }),
}));
