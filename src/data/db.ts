/**
 * The app's one IndexedDB database and the single place that opens it, so every store the app
 * uses (dataset cache, run checkpoints) is created by the same upgrade whoever opens first.
 * Without IndexedDB (private mode, blocked storage) it resolves null and callers degrade.
 */
export const DB_NAME = 'vae-playground';

/** Every object store of the database; a missing one is created with these options. */
export const STORES: Record<string, IDBObjectStoreParameters> = {
  /** Verified dataset files keyed by sha256 (src/data/cache.ts). */
  datasets: { keyPath: 'sha256' },
  /** One record per dataset kept in this browser, keyed by its config id (src/data/registry.ts). */
  'dataset-index': { keyPath: 'id' },
  /** Runs, their curves and checkpoints, out-of-line string keys (src/trainer/checkpoint/runStore.ts). */
  checkpoints: {},
};

let dbPromise: Promise<IDBDatabase | null> | null = null;

export function appDb(): Promise<IDBDatabase | null> {
  dbPromise ??= connect().catch(() => null);
  return dbPromise;
}

// Open at whatever version exists (another tab or an older app may have made it) and bump the
// version only when a store is missing, creating all missing stores in that one upgrade.
async function connect(): Promise<IDBDatabase | null> {
  const factory: IDBFactory | undefined = globalThis.indexedDB;
  if (!factory) return null;
  let d = await open(factory);
  if (missing(d).length) {
    const next = d.version + 1;
    d.close();
    d = await open(factory, next);
  }
  const conn = d;
  // Let another tab (or a newer app version, or a "clear storage") proceed: close, reconnect on next use.
  conn.onversionchange = () => {
    conn.close();
    dbPromise = null;
  };
  conn.onclose = () => {
    dbPromise = null;
  };
  return conn;
}

function missing(d: IDBDatabase): string[] {
  return Object.keys(STORES).filter((s) => !d.objectStoreNames.contains(s));
}

function open(factory: IDBFactory, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? factory.open(DB_NAME) : factory.open(DB_NAME, version);
    let settled = false;
    req.onupgradeneeded = () => {
      for (const name of missing(req.result)) req.result.createObjectStore(name, STORES[name]);
    };
    req.onsuccess = () => {
      if (settled) req.result.close(); // we already gave up on it (blocked); don't hold it open
      else resolve(req.result);
      settled = true;
    };
    req.onerror = () => {
      settled = true;
      reject(req.error);
    };
    req.onblocked = () => {
      settled = true;
      reject(new Error('IndexedDB upgrade blocked by another open tab'));
    };
  });
}
