/**
 * A small ZIP reader for imported image archives: the central directory is read from the end of
 * the file, each entry is inflated on demand with the built-in DecompressionStream('deflate-raw')
 * and checked against its CRC-32. It refuses what could exhaust memory (a "zip bomb"): entries
 * larger than the caller's limit, implausible compression ratios, archives whose declared total
 * is too large, and any entry that inflates past its declared size.
 */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

export interface ZipEntry {
  /** Path inside the archive, "/"-separated, without "." or ".." segments. */
  path: string;
  size: number;
  compressedSize: number;
  method: number;
  crc32: number;
  encrypted: boolean;
  /** Offset of the entry's local header. */
  offset: number;
}

export const ZIP_LIMITS = {
  maxEntries: 100_000,
  /** The most all entries may declare together. */
  maxTotalBytes: 2 * 1024 ** 3,
  /** Images are already compressed; a ratio past this is a bomb, not a picture. */
  maxRatio: 200,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function bytesOf(blob: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

/** The archive's file entries (folders left out). Throws ZipError when it is not a usable zip. */
export async function listZip(blob: Blob): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, blob.size - (22 + 0xffff));
  const tail = await bytesOf(blob, tailStart, blob.size);
  let at = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('not a zip archive (no end-of-archive record)');
  const disk = tail.getUint16(at + 4, true);
  const count = tail.getUint16(at + 10, true);
  const cdSize = tail.getUint32(at + 12, true);
  const cdOffset = tail.getUint32(at + 16, true);
  if (disk !== 0) throw new ZipError('split (multi-part) zip archives are not supported');
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipError('ZIP64 archives (over 4 GB or 65,535 files) are not supported');
  if (count > ZIP_LIMITS.maxEntries) throw new ZipError(`holds ${count} entries; the limit is ${ZIP_LIMITS.maxEntries}`);
  if (cdOffset + cdSize > blob.size) throw new ZipError('truncated: its directory lies past the end of the file');

  const cd = await bytesOf(blob, cdOffset, cdOffset + cdSize);
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder();
  let p = 0;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL) throw new ZipError('damaged: its directory is malformed');
    const flags = cd.getUint16(p + 8, true);
    const method = cd.getUint16(p + 10, true);
    const crc32 = cd.getUint32(p + 16, true);
    const compressedSize = cd.getUint32(p + 20, true);
    const size = cd.getUint32(p + 24, true);
    const nameLen = cd.getUint16(p + 28, true);
    const extraLen = cd.getUint16(p + 30, true);
    const commentLen = cd.getUint16(p + 32, true);
    const offset = cd.getUint32(p + 42, true);
    const raw = utf8.decode(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, Math.min(nameLen, cd.byteLength - p - 46)));
    p += 46 + nameLen + extraLen + commentLen;
    if (raw.endsWith('/')) continue;
    total += size;
    if (total > ZIP_LIMITS.maxTotalBytes) throw new ZipError(`its files would unpack to more than ${ZIP_LIMITS.maxTotalBytes / 1024 ** 3} GB`);
    entries.push({ path: cleanPath(raw), size, compressedSize, method, crc32, encrypted: (flags & 1) !== 0, offset });
  }
  return entries;
}

/** A path with "\\" read as "/" and no "", "." or ".." segments: a name can never climb out of its folder. */
export function cleanPath(name: string): string {
  return name.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.' && s !== '..').join('/');
}

/** Why an entry will not be read (before any inflating), or null. */
export function entryProblem(e: ZipEntry, maxBytes: number): string | null {
  if (e.encrypted) return 'encrypted inside the zip';
  if (e.method !== 0 && e.method !== 8) return `compressed with zip method ${e.method} (only stored and deflate are supported)`;
  if (e.size > maxBytes) return `too large: ${mb(e.size)} unpacked (the limit is ${mb(maxBytes)})`;
  if (e.method === 0 && e.compressedSize !== e.size) return 'damaged inside the zip (stored size mismatch)';
  if (e.size > 1024 * 1024 && e.size > e.compressedSize * ZIP_LIMITS.maxRatio) return `refused: it claims to unpack ${Math.round(e.size / Math.max(1, e.compressedSize))}× larger (a zip bomb?)`;
  return null;
}

/** One entry's bytes, verified; throws ZipError with a reason. Call entryProblem first. */
export async function readZipEntry(blob: Blob, e: ZipEntry): Promise<Uint8Array> {
  const head = await bytesOf(blob, e.offset, e.offset + 30);
  if (head.byteLength < 30 || head.getUint32(0, true) !== LOCAL) throw new ZipError('damaged inside the zip (bad local header)');
  const start = e.offset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
  const body = blob.slice(start, start + e.compressedSize);
  if (body.size !== e.compressedSize) throw new ZipError('truncated inside the zip');
  const out = e.method === 0 ? new Uint8Array(await body.arrayBuffer()) : await inflate(body, e.size);
  if (crc32(out) !== e.crc32) throw new ZipError('damaged inside the zip (CRC-32 mismatch)');
  return out;
}

async function inflate(body: Blob, size: number): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let at = 0;
  const reader = body.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      if (at + r.value.length > size) {
        await reader.cancel();
        throw new ZipError('refused: it unpacks past its declared size (a zip bomb?)');
      }
      out.set(r.value, at);
      at += r.value.length;
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('damaged inside the zip (it does not inflate)');
  }
  if (at !== size) throw new ZipError(`damaged inside the zip (${at} of ${size} bytes)`);
  return out;
}

let table: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function mb(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
