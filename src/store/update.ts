import { createStore } from 'zustand/vanilla';

/** A newer build's service worker, installed and waiting for the visitor to take it. */
export interface UpdateState {
  waiting: ServiceWorker | null;
  /** The visitor took the update: the page reloads once the new worker controls it. */
  accepted: boolean;
  actions: {
    /** Offers a waiting worker (app/serviceWorker.ts, on an update found). */
    offer(worker: ServiceWorker): void;
    /** The banner's Reload: the waiting worker takes over (SKIP_WAITING), then the page reloads. */
    accept(): void;
    dismiss(): void;
  };
}

export const updateStore = createStore<UpdateState>()((set, get) => ({
  waiting: null,
  accepted: false,
  actions: {
    offer: (waiting) => set({ waiting }),
    accept: () => {
      const { waiting } = get();
      if (!waiting) return;
      set({ accepted: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
    dismiss: () => set({ waiting: null }),
  },
}));
