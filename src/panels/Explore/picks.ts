import { useStore } from 'zustand';
import { picksStore, type PicksState } from '../../store/picks';

export { MAX_PICKS, pairsOf, picksActions, picksStore, type Pick, type PicksState } from '../../store/picks';

export function usePicks<T>(select: (s: PicksState) => T): T {
  return useStore(picksStore, select);
}
