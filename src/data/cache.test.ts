import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const realFactory = globalThis.indexedDB;

/** A fresh copy of the cache module (it keeps one connection) over the given IndexedDB. */
async function cacheWith(factory: unknown) {
  Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
  vi.resetModules();
  return import('./cache');
}

async function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = globalThis.indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A stored record as it is on disk, read behind the cache module's back. */
async function read(name: string, store: string, key: string): Promise<Record<string, unknown> | undefined> {
  const db = await openDb(name);
  try {
    return await new Promise((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).get(key);
      r.onsuccess = () => resolve(r.result as Record<string, unknown> | undefined);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

/** Rewrites a stored record behind the cache module's back, as disk damage (or an older app version) would leave it. */
async function rewrite(name: string, store: string, key: string, change: (v: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const before = await read(name, store, key);
  const db = await openDb(name);
  try {
    await new Promise<void>((resolve, reject) => {
      const t = db.transaction(store, 'readwrite');
      t.objectStore(store).put(change(before!));
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

afterEach(() => {
  Object.defineProperty(globalThis, 'indexedDB', { value: realFactory, configurable: true, writable: true });
});

describe('dataset cache', () => {
  it('stores, lists, reads back, deletes and clears', async () => {
    const c = await cacheWith(new IDBFactory());
    const a = Uint8Array.from([1, 2, 3]);
    const b = new Uint8Array(1000).fill(7);
    expect(await c.cacheAvailable()).toBe(true);
    expect(await c.getCached(sha(a))).toEqual({ status: 'miss' });
    expect(await c.putCached(sha(a), a, 'toy/a.u8gz')).toBe(true);
    expect(await c.putCached(sha(b), b, 'toy/b.u8gz')).toBe(true);
    const hit = await c.getCached(sha(a));
    expect(hit.status === 'hit' && Array.from(hit.bytes)).toEqual([1, 2, 3]);
    expect((await c.listCached()).sort((x, y) => x.size - y.size)).toEqual([
      { key: sha(a), name: 'toy/a.u8gz', size: 3 },
      { key: sha(b), name: 'toy/b.u8gz', size: 1000 },
    ]);
    await c.deleteCached(sha(a));
    expect((await c.listCached()).map((e) => e.name)).toEqual(['toy/b.u8gz']);
    await c.clearCache();
    expect(await c.listCached()).toEqual([]);
  });

  it('stores only the bytes of a view, not its whole buffer', async () => {
    const c = await cacheWith(new IDBFactory());
    const view = new Uint8Array(10_000).fill(1).subarray(16, 48);
    await c.putCached(sha(view), view, 'view');
    expect((await c.listCached())[0].size).toBe(32);
    const hit = await c.getCached(sha(view));
    expect(hit.status === 'hit' && hit.bytes.buffer.byteLength).toBe(32);
  });

  it('treats an entry whose bytes no longer match its seal as corrupt, and deletes it, without re-hashing a sound one', async () => {
    const c = await cacheWith(new IDBFactory());
    const good = Uint8Array.from({ length: 1001 }, (_, i) => i * 7);
    const digest = vi.spyOn(crypto.subtle, 'digest');
    expect(await c.putCached(sha(good), good, 'sealed')).toBe(true);
    const hit = await c.getCached(sha(good));
    expect(hit.status === 'hit' && Array.from(hit.bytes)).toEqual(Array.from(good));
    // Verified at download; a warm read checks the seal only.
    expect(digest).not.toHaveBeenCalled();
    digest.mockRestore();
    // One flipped bit on disk, the seal left as written.
    await rewrite(c.DB_NAME, c.STORE, sha(good), (v) => ({ ...v, blob: new Blob([Uint8Array.from(good, (b, i) => (i === 500 ? b ^ 4 : b))]) }));
    expect(await c.getCached(sha(good))).toEqual({ status: 'corrupt' });
    expect(await c.listCached()).toEqual([]);
    expect(await c.getCached(sha(good))).toEqual({ status: 'miss' });
  });

  it('checks an entry stored before seals by its SHA-256: a damaged one is corrupt, a sound one is sealed for next time', async () => {
    const c = await cacheWith(new IDBFactory());
    const good = Uint8Array.from([9, 9, 9]);
    // As the app stored files then: the bytes as a Uint8Array, no blob, no seal.
    const unsealed = (bytes: Uint8Array) => (v: Record<string, unknown>) => ({ sha256: v.sha256, name: v.name, storedAt: v.storedAt, bytes });
    await c.putCached(sha(good), good, 'old entry');
    await rewrite(c.DB_NAME, c.STORE, sha(good), unsealed(Uint8Array.from([9, 9, 8])));
    expect(await c.getCached(sha(good))).toEqual({ status: 'corrupt' });
    expect(await c.listCached()).toEqual([]);
    await c.putCached(sha(good), good, 'old entry');
    await rewrite(c.DB_NAME, c.STORE, sha(good), unsealed(good));
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const hit = await c.getCached(sha(good));
    expect(hit.status === 'hit' && Array.from(hit.bytes)).toEqual([9, 9, 9]);
    expect(digest).toHaveBeenCalledTimes(1);
    digest.mockRestore();
    await vi.waitFor(async () => expect((await read(c.DB_NAME, c.STORE, sha(good)))?.seal).toBeTypeOf('string'));
    expect((await read(c.DB_NAME, c.STORE, sha(good)))?.blob).toBeInstanceOf(Blob);
    expect(await c.listCached()).toEqual([{ key: sha(good), name: 'old entry', size: 3 }]);
  });

  it('shares the database with other stores, adding its own at the next version', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const r = factory.open('vae-playground', 3);
      r.onupgradeneeded = () => r.result.createObjectStore('checkpoints');
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
    });
    const c = await cacheWith(factory);
    expect(await c.putCached(sha(new Uint8Array([1])), new Uint8Array([1]), 'x')).toBe(true);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open('vae-playground');
      r.onsuccess = () => resolve(r.result);
    });
    expect(db.version).toBe(4);
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['checkpoints', 'dataset-index', 'datasets']);
    db.close();
  });

  it('runs without a cache when IndexedDB is missing or refuses to open (private mode)', async () => {
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } };
    for (const factory of [undefined, refusing]) {
      const c = await cacheWith(factory);
      expect(await c.cacheAvailable()).toBe(false);
      expect(await c.getCached('a'.repeat(64))).toEqual({ status: 'unavailable' });
      expect(await c.putCached('a'.repeat(64), new Uint8Array([1]), 'x')).toBe(false);
      expect(await c.listCached()).toEqual([]);
      await expect(c.clearCache()).resolves.toBeUndefined();
    }
  });

  it('lets loadDataset work without IndexedDB, downloading every time', async () => {
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
    vi.resetModules();
    const { loadDataset } = await import('./loadDataset');
    const { gzipSync } = await import('node:zlib');
    const images = new Uint8Array(4);
    const labels = new Uint8Array(1);
    const file = (name: string, raw: Uint8Array) => ({ file: name, bytes: gzipSync(raw).length, rawBytes: raw.length, sha256: sha(raw) });
    const split = { count: 1, images: file('i.u8gz', images), labels: file('l.u8gz', labels) };
    const manifest = { format: 1, datasets: [{ id: 't', name: 'T', shape: [2, 2, 1], classes: ['x'], license: 'CC0', attribution: 'a', source: 's', splits: { train: split, test: split } }] };
    const calls: string[] = [];
    const fetchImpl = (async (url: string) => {
      calls.push(url);
      if (url.endsWith('manifest.json')) return new Response(JSON.stringify(manifest));
      return new Response(gzipSync(url.endsWith('i.u8gz') ? images : labels));
    }) as unknown as typeof fetch;
    for (let i = 0; i < 2; i++) {
      const d = await loadDataset('t', { manifestUrl: 'https://x.test/manifest.json', fetchImpl });
      expect(d.fromCache).toBe(false);
    }
    expect(calls).toHaveLength(10);
  });
});
