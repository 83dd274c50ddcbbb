import { createStore } from 'zustand/vanilla';

export interface Pick {
  index: number;
  label: number;
}

/** Test images the person picked (gallery or scatter); consecutive pairs are interpolated. */
export interface PicksState {
  picks: Pick[];
  actions: {
    add(pick: Pick): void;
    /** Picks whole pairs at once, replacing the current picks. */
    setPairs(pairs: [Pick, Pick][]): void;
    clear(): void;
  };
}

/** Ten pairs are as many rows as the interpolation panel shows. */
export const MAX_PICKS = 20;

export const picksStore = createStore<PicksState>()((set, get) => ({
  picks: [],
  actions: {
    add: (pick) => {
      const picks = [...get().picks, pick];
      // Past the limit, the oldest pair makes room.
      set({ picks: picks.length > MAX_PICKS ? picks.slice(2) : picks });
    },
    setPairs: (pairs) => set({ picks: pairs.flat().slice(0, MAX_PICKS) }),
    clear: () => set({ picks: [] }),
  },
}));

export const picksActions = picksStore.getState().actions;

/** Consecutive picks as pairs; an odd last pick waits for its partner. */
export function pairsOf(picks: readonly Pick[]): [Pick, Pick][] {
  const pairs: [Pick, Pick][] = [];
  for (let i = 0; i + 1 < picks.length; i += 2) pairs.push([picks[i], picks[i + 1]]);
  return pairs;
}
