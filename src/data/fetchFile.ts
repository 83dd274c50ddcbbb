import type { DatasetErrorCode } from '../protocol/errors';
import type { FileEntry } from './manifest';
import { plainMessage } from '../plainError';

export type { DatasetErrorCode };

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(readonly code: DatasetErrorCode, message: string) {
    super(message);
  }
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads one dataset file and returns its decompressed bytes, verified against `entry`.
 * Progress counts received bytes against `entry.bytes`; if the body turns out to be already
 * decompressed (a server that applied Content-Encoding), the total switches to `entry.rawBytes`.
 */
export async function fetchVerified(
  url: string,
  entry: FileEntry,
  onProgress: (doneBytes: number, totalBytes: number) => void,
  fetchImpl: typeof fetch = fetch,
): Promise<Uint8Array<ArrayBuffer>> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (e) {
    throw new DatasetError('network', plainMessage(`Could not download ${entry.file}: ${rawText(e)}. Check the connection and try again.`));
  }
  if (!res.ok) throw new DatasetError('http', `Could not download ${entry.file}: the server answered HTTP ${res.status} ${res.statusText}`.trim());

  const body = await readAll(res, entry, onProgress);
  const raw = isGzip(body) ? await gunzip(body, entry) : body;
  if (raw.length !== entry.rawBytes) {
    throw new DatasetError('size-mismatch', `${entry.file} holds ${raw.length} bytes, the manifest says ${entry.rawBytes}; the file is incomplete or from another version`);
  }
  const sha = await sha256Hex(raw);
  if (sha !== entry.sha256) {
    throw new DatasetError('hash-mismatch', `${entry.file} is damaged or from another version: sha256 ${sha.slice(0, 12)}…, the manifest says ${entry.sha256.slice(0, 12)}…`);
  }
  return raw;
}

/** What was thrown, as the browser words it (made plain by plainMessage around it). */
export const rawText = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

async function readAll(res: Response, entry: FileEntry, onProgress: (done: number, total: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    onProgress(all.length, all.length);
    return all;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  let total = entry.bytes;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      if (chunks.length === 0 && !isGzip(r.value)) total = entry.rawBytes;
      chunks.push(r.value);
      done += r.value.length;
      onProgress(done, Math.max(done, total));
    }
  } catch (e) {
    throw new DatasetError('network', plainMessage(`The download of ${entry.file} broke off after ${done} bytes: ${rawText(e)}. Check the connection and try again; the files already verified are kept.`));
  }
  return concat(chunks, done);
}

async function gunzip(gz: Uint8Array<ArrayBuffer>, entry: FileEntry): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      size += r.value.length;
      // Stop early rather than inflate a wrong (or hostile) file far past what we expect.
      if (size > entry.rawBytes) {
        await reader.cancel();
        throw new DatasetError('size-mismatch', `${entry.file} inflates to more than the ${entry.rawBytes} bytes the manifest says; it is from another version`);
      }
      chunks.push(r.value);
    }
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError('corrupt', `${entry.file} could not be decompressed (${(e as Error).message ?? e}); the download is damaged`);
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
