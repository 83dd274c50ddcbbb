/** Builds zip archives in tests (stored or deflated entries), with hooks to forge bad headers. */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../upload/zip';

export interface ZipInput {
  path: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Overrides of the central directory's declared fields, to forge a damaged or hostile archive. */
  forge?: { size?: number; crc32?: number; method?: number; flags?: number };
}

export function makeZip(files: ZipInput[]): Uint8Array<ArrayBuffer> {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = new TextEncoder().encode(f.path);
    const body = f.deflate ? deflateRawSync(f.data) : f.data;
    const method = f.forge?.method ?? (f.deflate ? 8 : 0);
    const crc = f.forge?.crc32 ?? crc32(f.data);
    const size = f.forge?.size ?? f.data.length;
    const flags = (f.forge?.flags ?? 0) | 0x800;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    locals.push(new Uint8Array(local.buffer), name, body);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    centrals.push(new Uint8Array(c.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
