import { useStore } from 'zustand';
import type { CatalogState } from '../../store/catalog';
import { catalogStore } from '../../store/stores';

export { shapeOf } from '../../store/catalog';
export { catalogStore };
export const catalogActions = catalogStore.getState().actions;

export function useCatalog<T>(select: (s: CatalogState) => T): T {
  return useStore(catalogStore, select);
}

export const refreshCatalog = (): Promise<void> => catalogActions.refresh();
export const selectDataset = (id: string): void => catalogActions.select(id);
