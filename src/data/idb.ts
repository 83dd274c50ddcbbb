/** Small promise helpers over the app's IndexedDB (db.ts) for the dataset stores. */
export { appDb as db, DB_NAME } from './db';

/** Verified dataset files, keyed by the sha256 of their bytes (cache.ts). */
export const STORE = 'datasets';
/** One record per dataset kept in this browser, keyed by its config id (registry.ts). */
export const INDEX_STORE = 'dataset-index';

/** Resolves with the request's result only after the transaction commits. */
export function run<T>(d: IDBDatabase, stores: string | string[], mode: IDBTransactionMode, op: (t: IDBTransaction) => IDBRequest<T> | void): Promise<T> {
  return new Promise((resolve, reject) => {
    let t: IDBTransaction | null = null;
    let req: IDBRequest<T> | void;
    try {
      t = d.transaction(stores, mode);
      req = op(t);
    } catch (e) {
      try {
        t?.abort();
      } catch {
        // already finished
      }
      reject(e);
      return;
    }
    t.oncomplete = () => resolve(req ? req.result : (undefined as T));
    t.onerror = t.onabort = () => reject(t.error ?? (req && req.error) ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Every value of a store. */
export function getAll<T>(d: IDBDatabase, store: string): Promise<T[]> {
  return run(d, store, 'readonly', (t) => t.objectStore(store).getAll() as IDBRequest<T[]>);
}
