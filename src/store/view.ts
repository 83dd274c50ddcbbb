import { createStore } from 'zustand/vanilla';

/** Which view (tab) is shown: a store, so a keyboard shortcut can switch it as a click would. */
export interface ViewState {
  active: string;
  show(id: string): void;
}

export const viewStore = createStore<ViewState>()((set) => ({
  active: 'train',
  show: (active) => set({ active }),
}));
