/** Node-only helpers for tests of the packed datasets in public/datasets. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { validateManifest, type DatasetEntry, type DatasetManifest } from '../manifest';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const OUT = `${ROOT}public/datasets/`;
export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Packs what is missing (~40 s on a fresh checkout, a no-op after) and returns the validated manifest. */
export function packedManifest(): DatasetManifest {
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs', '--if-missing'], { cwd: ROOT, stdio: 'pipe' });
  const check = validateManifest(JSON.parse(readFileSync(`${OUT}manifest.json`, 'utf8')), 'manifest.json');
  if (!check.ok) throw new Error(check.errors.join('\n'));
  return check.manifest;
}

export function entry(manifest: DatasetManifest, id: string): DatasetEntry {
  const e = manifest.datasets.find((d) => d.id === id);
  if (!e) throw new Error(`${id} is not in the manifest`);
  return e;
}

/** A packed file's decompressed bytes. */
export function unpacked(file: string): Buffer {
  return gunzipSync(readFileSync(OUT + file));
}

/** A fetch that serves public/datasets as a static host at https://site.test/datasets/; `calls` lists paths. */
export function staticSite() {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    return new Response(readFileSync(OUT + url.pathname.replace('/datasets/', '')));
  }) as typeof fetch;
  return { fetchImpl, calls, manifestUrl: 'https://site.test/datasets/manifest.json' };
}
