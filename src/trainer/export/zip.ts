/** Zip archives of the files a download holds (the model exports). */
import { crc32 } from '../../data/upload/zip';
import { writeZip } from '../../data/zipWrite';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** Stored (uncompressed) entries: enough for a download of a few small files. */
export function storedZip(files: ZipEntry[]): Uint8Array<ArrayBuffer> {
  return writeZip(files.map((f) => ({ path: f.path, body: f.data, method: 0, crc: crc32(f.data), size: f.data.length, flags: 0x800 })));
}
