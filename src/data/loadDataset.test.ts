import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearCache, getCached, listCached } from './cache';
import { DatasetError } from './fetchFile';
import { loadDataset, type LoadProgress } from './loadDataset';
import { tamperCached } from './testing/tamper';

const BASE = 'https://example.test/app/datasets/';
const MANIFEST_URL = `${BASE}manifest.json`;
// A toy dataset of 2×2 grey images: 5 train, 3 test, 3 classes.
const RAW = {
  train: { images: Uint8Array.from({ length: 20 }, (_, i) => i * 12), labels: Uint8Array.from([0, 1, 2, 1, 0]) },
  test: { images: Uint8Array.from({ length: 12 }, (_, i) => 255 - i), labels: Uint8Array.from([2, 2, 1]) },
};
type Split = keyof typeof RAW;
type Kind = 'images' | 'labels';
const FILES: [Split, Kind][] = [['train', 'images'], ['train', 'labels'], ['test', 'images'], ['test', 'labels']];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface ServerOptions {
  gzip?: boolean;
  serve?: (split: Split, kind: Kind, gz: Uint8Array) => Uint8Array;
  entry?: (split: Split, kind: Kind, e: { sha256: string }) => void;
}

/** A fake static server for the toy dataset; `calls` records every URL fetched. */
function server({ gzip = true, serve, entry }: ServerOptions = {}) {
  const files = new Map<string, Uint8Array>();
  const splits: Record<string, unknown> = {};
  for (const split of ['train', 'test'] as const) {
    const s: Record<string, unknown> = { count: RAW[split].labels.length };
    for (const kind of ['images', 'labels'] as const) {
      const raw = RAW[split][kind];
      const gz = gzipSync(raw, { level: 9 });
      const e = { file: `toy/${split}-${kind}.u8gz`, bytes: gz.length, rawBytes: raw.length, sha256: sha(raw) };
      entry?.(split, kind, e);
      files.set(BASE + e.file, serve ? serve(split, kind, gz) : gzip ? gz : raw);
      s[kind] = e;
    }
    splits[split] = s;
  }
  const manifest = { format: 1, datasets: [{ id: 'toy', name: 'Toy', shape: [2, 2, 1], classes: ['a', 'b', 'c'], license: 'CC0', attribution: 'made up', source: 'this test', splits }] };
  files.set(MANIFEST_URL, new TextEncoder().encode(JSON.stringify(manifest)));
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const body = files.get(url);
    return body ? new Response(chunked(body)) : new Response('not found', { status: 404, statusText: 'Not Found' });
  }) as typeof fetch;
  return { fetchImpl, calls, files };
}

/** Streams in 7-byte chunks so progress is reported more than once per file. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, (at += 7)));
    },
  });
}

async function load(fetchImpl: typeof fetch, progress: LoadProgress[] = []) {
  return loadDataset('toy', { manifestUrl: MANIFEST_URL, fetchImpl, onProgress: (p) => progress.push(p) });
}

function expectToyData(d: Awaited<ReturnType<typeof load>>) {
  for (const [split, kind] of FILES) expect(Array.from(d[split][kind]), `${split} ${kind}`).toEqual(Array.from(RAW[split][kind]));
  expect(d.train.count).toBe(5);
  expect(d.test.count).toBe(3);
}

async function expectError(p: Promise<unknown>, code: string, message: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DatasetError);
  expect((e as DatasetError).code).toBe(code);
  expect((e as DatasetError).message).toMatch(message);
}

beforeEach(() => clearCache());

describe('loadDataset', () => {
  it('downloads all four files on the first load, with progress, and caches them', async () => {
    const s = server();
    const progress: LoadProgress[] = [];
    const d = await load(s.fetchImpl, progress);
    expect(s.calls).toEqual([MANIFEST_URL, ...FILES.map(([sp, k]) => `${BASE}toy/${sp}-${k}.u8gz`)]);
    expectToyData(d);
    expect(d).toMatchObject({ id: 'toy', name: 'Toy', shape: [2, 2, 1], classes: ['a', 'b', 'c'], license: 'CC0', attribution: 'made up', fromCache: false });

    const total = [...s.files.entries()].filter(([u]) => u.endsWith('.u8gz')).reduce((n, [, b]) => n + b.length, 0);
    expect(progress.length).toBeGreaterThan(8);
    expect(new Set(progress.map((p) => p.label))).toEqual(new Set(['Downloading Toy train images', 'Downloading Toy train labels', 'Downloading Toy test images', 'Downloading Toy test labels', 'Downloaded Toy']));
    progress.forEach((p, i) => {
      expect(p.total).toBe(total);
      expect(p.done).toBeGreaterThanOrEqual(i ? progress[i - 1].done : 0);
    });
    expect(progress.at(-1)).toEqual({ label: 'Downloaded Toy', done: total, total });
    expect((await listCached()).map((c) => c.name).sort()).toEqual(['toy/test-images.u8gz', 'toy/test-labels.u8gz', 'toy/train-images.u8gz', 'toy/train-labels.u8gz']);
  });

  it('fetches only the manifest on a second load', async () => {
    await load(server().fetchImpl);
    const s = server();
    const progress: LoadProgress[] = [];
    const d = await load(s.fetchImpl, progress);
    expect(s.calls).toEqual([MANIFEST_URL]);
    expect(progress).toEqual([]);
    expect(d.fromCache).toBe(true);
    expectToyData(d);
  });

  it('rejects a file whose sha256 differs from the manifest and caches nothing', async () => {
    const s = server({ entry: (sp, k, e) => sp === 'train' && k === 'images' && (e.sha256 = 'f'.repeat(64)) });
    await expectError(load(s.fetchImpl), 'hash-mismatch', /toy\/train-images\.u8gz/);
    expect(await listCached()).toEqual([]);
  });

  it('detects a corrupted cache entry, refetches that file only, and repairs the cache', async () => {
    await load(server().fetchImpl);
    const key = sha(RAW.test.images);
    await tamperCached(key, Uint8Array.from(RAW.test.images, (b) => b ^ 1));
    const s = server();
    const d = await load(s.fetchImpl);
    expect(s.calls).toEqual([MANIFEST_URL, `${BASE}toy/test-images.u8gz`]);
    expect(d.fromCache).toBe(false);
    expectToyData(d);
    expect((await getCached(key)).status).toBe('hit');
  });

  it('accepts a server that already decompressed the files (Content-Encoding: gzip)', async () => {
    const s = server({ gzip: false });
    const progress: LoadProgress[] = [];
    expectToyData(await load(s.fetchImpl, progress));
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  });

  it('reports truncated, oversized and undecodable files', async () => {
    await expectError(load(server({ serve: (sp, k, gz) => (sp === 'test' && k === 'images' ? gzipSync(RAW.test.images.subarray(1)) : gz) }).fetchImpl), 'size-mismatch', /toy\/test-images\.u8gz holds 11 bytes, the manifest says 12/);
    await expectError(load(server({ serve: (sp, k, gz) => (sp === 'test' && k === 'labels' ? gzipSync(new Uint8Array(1000)) : gz) }).fetchImpl), 'size-mismatch', /toy\/test-labels\.u8gz inflates to more than the 3 bytes/);
    await clearCache(); // the loads above cached the files that were fine
    await expectError(load(server({ serve: (_sp, k, gz) => (k === 'labels' ? gz.subarray(0, 12) : gz) }).fetchImpl), 'corrupt', /toy\/train-labels\.u8gz could not be decompressed/);
  });

  it('reports network, HTTP and manifest problems with their codes', async () => {
    const offline = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    await expectError(load(offline), 'network', /Could not download manifest\.json: the server could not be reached \(this browser is offline/);

    const s = server();
    s.files.delete(`${BASE}toy/train-labels.u8gz`);
    await expectError(load(s.fetchImpl), 'http', /Could not download toy\/train-labels\.u8gz: the server answered HTTP 404 Not Found/);

    s.files.set(MANIFEST_URL, new TextEncoder().encode('{"format": 1, "datasets": [{"id": "toy"}]}'));
    await expectError(load(s.fetchImpl), 'manifest', /^manifest\.json: datasets\[0\]\.name must be a non-empty string/);
    s.files.set(MANIFEST_URL, new TextEncoder().encode('<html>'));
    await expectError(load(s.fetchImpl), 'manifest', /manifest\.json is not valid JSON/);
    await expectError(loadDataset('cifar', { manifestUrl: MANIFEST_URL, fetchImpl: server().fetchImpl }), 'manifest', /"cifar" is not in .*manifest\.json \(it has: toy\)/);
  });

  it('rejects labels that have no class name', async () => {
    const s = server();
    const m = JSON.parse(new TextDecoder().decode(s.files.get(MANIFEST_URL)));
    m.datasets[0].classes = ['a', 'b'];
    s.files.set(MANIFEST_URL, new TextEncoder().encode(JSON.stringify(m)));
    await expectError(load(s.fetchImpl), 'manifest', /toy\/train-labels\.u8gz: label 2 at index 2 has no class name/);
  });
});
