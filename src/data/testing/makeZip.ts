/** Builds zip archives in tests (stored or deflated entries), with hooks to forge bad headers. */
import { deflateRawSync } from 'node:zlib';
import { writeZip } from '../zipWrite';
import { crc32 } from '../upload/zip';

export interface ZipInput {
  path: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Overrides of the central directory's declared fields, to forge a damaged or hostile archive. */
  forge?: { size?: number; crc32?: number; method?: number; flags?: number };
}

export function makeZip(files: ZipInput[]): Uint8Array<ArrayBuffer> {
  return writeZip(
    files.map((f) => ({
      path: f.path,
      body: f.deflate ? deflateRawSync(f.data) : f.data,
      method: f.forge?.method ?? (f.deflate ? 8 : 0),
      crc: f.forge?.crc32 ?? crc32(f.data),
      size: f.forge?.size ?? f.data.length,
      flags: (f.forge?.flags ?? 0) | 0x800,
    })),
  );
}
