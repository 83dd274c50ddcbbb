import { DB_NAME, STORE } from '../idb';

/** Overwrites a cache entry's bytes behind the cache module's back, as disk corruption would (its seal stays). */
export async function tamperCached(key: string, bytes: Uint8Array): Promise<void> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(DB_NAME);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  try {
    await new Promise<void>((res, rej) => {
      const t = db.transaction(STORE, 'readwrite');
      const store = t.objectStore(STORE);
      const get = store.get(key);
      get.onsuccess = () => store.put({ ...get.result, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
      t.oncomplete = () => res();
      t.onerror = () => rej(t.error);
    });
  } finally {
    db.close();
  }
}
