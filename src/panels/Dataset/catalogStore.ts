import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ControlField } from '../../store/experiment';
import { experimentActions } from '../../ui/stores';
import { loadCatalog, type CatalogItem } from '../../data/catalog';
import { parseShapesId } from '../../data/shapes';
import { plainError } from '../../plainError';

/**
 * What the dataset picker lists (built-in, procedural, imported into this browser). Refreshed
 * after an import or a deletion; `version` tells the storage list to re-read as well.
 */
export interface CatalogState {
  items: CatalogItem[];
  loaded: boolean;
  manifestError: string | null;
  version: number;
}

export const MANIFEST_URL = new URL('datasets/manifest.json', document.baseURI).href;

export const catalogStore = createStore<CatalogState>()(() => ({ items: [], loaded: false, manifestError: null, version: 0 }));

let pending: Promise<void> | null = null;

export function refreshCatalog(): Promise<void> {
  pending ??= loadCatalog(MANIFEST_URL)
    .then((c) => catalogStore.setState((s) => ({ items: c.items, manifestError: c.manifestError, loaded: true, version: s.version + 1 })))
    .catch((e: unknown) => catalogStore.setState((s) => ({ manifestError: plainError(e), loaded: true, version: s.version + 1 })))
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function useCatalog<T>(select: (s: CatalogState) => T): T {
  return useStore(catalogStore, select);
}

/**
 * Makes `id` the experiment's dataset. The config's dataset field is an id, not a control of
 * the settings form (so ControlField leaves it out), but setField validates and sends it alike.
 */
export function selectDataset(id: string): void {
  experimentActions.setField('dataset' as ControlField, id);
}

/**
 * [height, width, channels] of the selected dataset, as far as the page knows it (for sizing the
 * model before training); null until the list is loaded or for an unknown id.
 */
export function shapeOf(items: CatalogItem[], id: string): [number, number, number] | null {
  let shapes = null;
  try {
    shapes = parseShapesId(id);
  } catch {
    return null;
  }
  if (shapes) return [shapes.size, shapes.size, 1];
  return items.find((i) => i.id === id)?.shape ?? null;
}
