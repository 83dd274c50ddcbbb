/** A fake static host of a small dataset's manifest and files, for Node tests of downloading. */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const TOY_BASE = 'https://course.test/data/';
export const TOY_MANIFEST = `${TOY_BASE}manifest.json`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** 4×4 RGB images, 6 train and 3 test, 2 classes. */
export const TOY = {
  train: { images: Uint8Array.from({ length: 6 * 48 }, (_, i) => (i * 5) % 256), labels: Uint8Array.from([0, 1, 0, 1, 1, 0]) },
  test: { images: Uint8Array.from({ length: 3 * 48 }, (_, i) => (i * 3) % 256), labels: Uint8Array.from([1, 0, 1]) },
};

export interface ToySite {
  fetchImpl: typeof fetch;
  calls: string[];
  manifest: { format: number; datasets: Record<string, unknown>[] };
  /** Makes the next request for a path ending so fail as a dropped connection. */
  dropNext(suffix: string): void;
}

export function toySite(change?: (m: ToySite['manifest']) => void): ToySite {
  const files = new Map<string, Uint8Array>();
  const splits: Record<string, unknown> = {};
  for (const split of ['train', 'test'] as const) {
    const s: Record<string, unknown> = { count: TOY[split].labels.length };
    for (const kind of ['images', 'labels'] as const) {
      const raw = TOY[split][kind];
      const gz = gzipSync(raw);
      const file = `toy/${split}-${kind}.u8gz`;
      files.set(TOY_BASE + file, gz);
      s[kind] = { file, bytes: gz.length, rawBytes: raw.length, sha256: sha(raw) };
    }
    splits[split] = s;
  }
  const manifest = { format: 1, datasets: [{ id: 'toy', name: 'Toy colours', shape: [4, 4, 3], classes: ['warm', 'cold'], license: 'CC0', attribution: 'A test', source: 'toySite', splits } as Record<string, unknown>] };
  change?.(manifest);
  const calls: string[] = [];
  const drops = new Set<string>();
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    for (const d of drops) {
      if (url.endsWith(d)) {
        drops.delete(d);
        throw new TypeError('network connection was lost');
      }
    }
    if (url === TOY_MANIFEST) return new Response(JSON.stringify(manifest));
    const body = files.get(url);
    return body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response('nope', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, calls, manifest, dropNext: (s) => drops.add(s) };
}
