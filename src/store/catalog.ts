import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadCatalog, type CatalogItem } from '../data/catalog';
import { clearDatasets, deleteDataset, deleteUnreferenced } from '../data/registry';
import { parseShapesId } from '../data/shapes';
import { importImages, type ImportDeps, type ImportOptions, type ImportResult, type PickedFile } from '../data/upload/importImages';
import { importFromUrl, type RemoteManifest } from '../data/urlImport';
import type { Command } from '../protocol';
import { plainError } from '../plainError';

/**
 * What the dataset picker lists (built-in, procedural, imported into this browser). Refreshed
 * after an import or a deletion; `version` tells the storage list to re-read as well.
 */
export interface CatalogState {
  items: CatalogItem[];
  loaded: boolean;
  manifestError: string | null;
  version: number;
  actions: CatalogActions;
}

/**
 * Everything that changes the datasets stored in this browser goes through these: each writes
 * IndexedDB, tells the worker (which may hold a stale copy in memory), and refreshes the list.
 */
export interface CatalogActions {
  refresh(): Promise<void>;
  /** Makes `id` the experiment's dataset. */
  select(id: string): void;
  /** Decodes and stores picked images (in the page: decoding needs a canvas); selects the result. */
  importImages(files: PickedFile[], options: ImportOptions, deps: ImportDeps): Promise<ImportResult>;
  /** Downloads one dataset of a remote manifest, checked against its hashes; selects it. */
  importFromUrl(remote: RemoteManifest, entryId: string, options: Parameters<typeof importFromUrl>[2]): Promise<Awaited<ReturnType<typeof importFromUrl>>>;
  /**
   * Deletes the stored datasets `ids` (with `all`, everything stored, `ids` listing what that is);
   * the selection falls back to MNIST if it was one of them.
   */
  remove(ids: string[], all?: boolean): Promise<void>;
  /** Deletes stored files no dataset refers to any more. */
  removeLeftovers(keys: string[]): Promise<void>;
}

export interface CatalogDeps {
  manifestUrl: string;
  /** Commands to the worker (the client's TrainerPort). */
  send(cmd: Command): void;
  /** The experiment's dataset, and setting it (the experiment store). */
  selected(): string;
  select(id: string): void;
}

export function createCatalogStore(deps: CatalogDeps): StoreApi<CatalogState> {
  let pending: Promise<void> | null = null;
  const store = createStore<CatalogState>()((set) => {
    const refresh = (): Promise<void> => {
      pending ??= loadCatalog(deps.manifestUrl)
        .then((c) => set((s) => ({ items: c.items, manifestError: c.manifestError, loaded: true, version: s.version + 1 })))
        .catch((e: unknown) => set((s) => ({ manifestError: plainError(e), loaded: true, version: s.version + 1 })))
        .finally(() => {
          pending = null;
        });
      return pending;
    };
    const changed = (ids: string[]) => deps.send({ type: 'datasetsChanged', ids });
    return {
      items: [],
      loaded: false,
      manifestError: null,
      version: 0,
      actions: {
        refresh,
        select: (id) => deps.select(id),
        importImages: async (files, options, importDeps) => {
          const r = await importImages(files, options, importDeps);
          if (r.ok) {
            changed([r.report.id]);
            await refresh();
            deps.select(r.report.id);
          }
          return r;
        },
        importFromUrl: async (remote, entryId, options) => {
          const r = await importFromUrl(remote, entryId, options);
          changed([r.record.id]);
          await refresh();
          deps.select(r.record.id);
          return r;
        },
        remove: async (ids, all = false) => {
          try {
            if (all) await clearDatasets();
            else for (const id of ids) await deleteDataset(id);
            if (ids.includes(deps.selected())) deps.select('mnist');
          } finally {
            changed(ids);
          }
        },
        removeLeftovers: (keys) => deleteUnreferenced(keys),
      },
    };
  });
  return store;
}

/**
 * [height, width, channels] of a dataset, as far as the page knows it (for sizing the model
 * before training); null until the list is loaded or for an unknown id.
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
