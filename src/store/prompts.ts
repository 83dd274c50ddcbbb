import { createStore } from 'zustand/vanilla';

/** Questions the page asks before it destroys something: one home, so a button and a key ask alike. */
export interface PromptsState {
  /** "Reset the model?" is showing. */
  reset: boolean;
  actions: {
    /** Reset now when nothing would be lost (step 0); otherwise ask first. */
    requestReset(): void;
    closeReset(): void;
  };
}

export function createPromptsStore(progress: () => number, reset: () => void) {
  return createStore<PromptsState>()((set) => ({
    reset: false,
    actions: {
      requestReset: () => (progress() > 0 ? set({ reset: true }) : reset()),
      closeReset: () => set({ reset: false }),
    },
  }));
}
