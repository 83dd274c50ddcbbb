/**
 * Trained starting points: model files trained ahead by `npm run models:train` (the app's own
 * trainer in Node) and shipped in public/models/, listed in its manifest.json with their sha256,
 * step and test nELBO. A preset with one can open trained instead of training from scratch.
 * Each file, once verified, is kept in the datasets' IndexedDB cache under its sha256 (named
 * `model:<file>`), so opening it again needs no network; an entry that no longer hashes to its key
 * is dropped and downloaded afresh.
 */
import { getCached, putFile } from './cache';
import { sha256Hex } from './fetchFile';
import { MODEL_PREFIX } from './registry';

export interface StartingPoint {
  /** The preset it was trained from (config/presets.ts). */
  preset: string;
  file: string;
  bytes: number;
  sha256: string;
  step: number;
  testNelbo: number;
}

const isStart = (v: unknown): v is StartingPoint => {
  const o = v as Record<string, unknown>;
  return (
    typeof o === 'object' && o !== null && typeof o.preset === 'string' && typeof o.file === 'string' && /^[\w.-]+\.vae\.json$/.test(o.file) &&
    typeof o.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256) && Number.isInteger(o.step) && typeof o.testNelbo === 'number' && Number.isInteger(o.bytes)
  );
};

const base = () => new URL('models/', (globalThis as { document?: { baseURI: string } }).document?.baseURI ?? globalThis.location?.href).href;

/** The shipped starting points by preset id; empty when the list cannot be read (the presets still train). */
export async function loadStartingPoints(fetchImpl: typeof fetch = fetch): Promise<Map<string, StartingPoint>> {
  try {
    const res = await fetchImpl(new URL('manifest.json', base()).href);
    if (!res.ok) return new Map();
    const raw = (await res.json()) as { models?: unknown };
    const list = Array.isArray(raw.models) ? raw.models.filter(isStart) : [];
    return new Map(list.map((m) => [m.preset, m]));
  } catch {
    return new Map();
  }
}

/**
 * The model file's text, from the cache or else downloaded, checked against the manifest's sha256
 * and then cached; throws a message naming the file. `fromCache` says which.
 */
export async function fetchStartingPoint(start: StartingPoint, fetchImpl: typeof fetch = fetch): Promise<{ url: string; text: string; fromCache: boolean }> {
  const url = new URL(start.file, base()).href;
  const cached = await getCached(start.sha256);
  if (cached.status === 'hit') return { url, text: new TextDecoder().decode(cached.bytes), fromCache: true };
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch {
    throw new Error(`The trained model ${start.file} could not be downloaded: this browser is offline or the site is down. Train from scratch instead, or try again.`);
  }
  if (!res.ok) throw new Error(`The trained model ${start.file} could not be downloaded: the server answered ${res.status}.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if ((await sha256Hex(bytes)) !== start.sha256) {
    throw new Error(`The trained model ${start.file} is damaged: its sha256 does not match the list of shipped models. Reload the page and try again.`);
  }
  // A failed put (quota, no IndexedDB) only costs a download next time.
  await putFile(start.sha256, bytes, `${MODEL_PREFIX}${start.file}`);
  return { url, text: new TextDecoder().decode(bytes), fromCache: false };
}
