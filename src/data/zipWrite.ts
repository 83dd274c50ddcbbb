/** Writes zip archives: one writer for the model exports and the tests' forged archives (the reader is upload/zip.ts). */

/** An entry as it is written: its bytes (compressed or not) and the header fields that describe them. */
export interface RawZipEntry {
  path: string;
  body: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The uncompressed size. */
  size: number;
  /** General-purpose flags; 0x800 says the name is UTF-8. */
  flags: number;
}

/** Local headers and bodies, then the central directory and its end record. */
export function writeZip(entries: RawZipEntry[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of entries) {
    const name = new TextEncoder().encode(f.path);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, f.flags, true);
    local.setUint16(8, f.method, true);
    local.setUint32(14, f.crc, true);
    local.setUint32(18, f.body.length, true);
    local.setUint32(22, f.size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, f.body);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, f.flags, true);
    c.setUint16(10, f.method, true);
    c.setUint32(16, f.crc, true);
    c.setUint32(20, f.body.length, true);
    c.setUint32(24, f.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    centrals.push(new Uint8Array(c.buffer), name);
    offset += 30 + name.length + f.body.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
