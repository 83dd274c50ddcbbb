import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCached, listCached, putCached } from './cache';
import { clearDatasets } from './registry';
import { fetchStartingPoint, type StartingPoint } from './startingPoints';
import { tamperCached } from './testing/tamper';

(globalThis as { location?: { href: string } }).location ??= { href: 'https://playground.example/' };
const text = '{"format":"vae-playground-model","note":"a stand-in: the cache does not parse it"}';
const bytes = new TextEncoder().encode(text);
const start: StartingPoint = { preset: 'seed001-a', file: 'seed001-a.vae.json', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), step: 10, testNelbo: 1 };

/** A fetch serving the file, counting its requests. */
function site(body: string = text) {
  const calls: string[] = [];
  const fetchImpl = (async (u: RequestInfo | URL) => {
    calls.push(String(u));
    return new Response(body);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

beforeEach(() => clearDatasets());

describe('trained starting points in the cache', () => {
  it('downloads once, keeps the verified file under its sha256, and opens it from the cache after', async () => {
    const net = site();
    const first = await fetchStartingPoint(start, net.fetchImpl);
    expect(first).toEqual({ url: 'https://playground.example/models/seed001-a.vae.json', text, fromCache: false });
    expect(net.calls).toEqual(['https://playground.example/models/seed001-a.vae.json']);
    expect(await listCached()).toEqual([{ key: start.sha256, name: 'model:seed001-a.vae.json', size: bytes.length }]);
    const second = await fetchStartingPoint(start, net.fetchImpl);
    expect(second).toEqual({ ...first, fromCache: true });
    expect(net.calls.length).toBe(1);
  });

  it('caches nothing that fails its sha256', async () => {
    await expect(fetchStartingPoint(start, site(`${text} `).fetchImpl)).rejects.toThrow(/is damaged: its sha256 does not match/);
    expect(await listCached()).toEqual([]);
  });

  it('drops a cached copy that no longer matches its sha256 and downloads it again', async () => {
    await putCached(start.sha256, bytes, 'model:seed001-a.vae.json');
    await tamperCached(start.sha256, new TextEncoder().encode('{"changed": true}'));
    const net = site();
    const got = await fetchStartingPoint(start, net.fetchImpl);
    expect(got.fromCache).toBe(false);
    expect(got.text).toBe(text);
    expect(net.calls.length).toBe(1);
    const again = await getCached(start.sha256);
    expect(again.status).toBe('hit');
  });
});
