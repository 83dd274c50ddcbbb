import { useStore } from 'zustand';
import { displayStore, type DisplayState } from '../store/display';

export function useDisplay<T>(select: (s: DisplayState) => T): T {
  return useStore(displayStore, select);
}
