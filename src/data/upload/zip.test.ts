import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../testing/makeZip';
import { crc32, entryProblem, listZip, readZipEntry, ZipError } from './zip';

const bytes = (n: number, f: (i: number) => number) => Uint8Array.from({ length: n }, (_, i) => f(i));
const blob = (b: Uint8Array<ArrayBuffer>) => new Blob([b]);
const MB = 1024 * 1024;

async function reason(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ZipError);
  return (e as ZipError).message;
}

describe('zip reader', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('lists files (not folders) and reads stored and deflated entries', async () => {
    const a = bytes(5000, (i) => i % 251);
    const b = bytes(300, (i) => (i * 7) % 256);
    const zip = blob(makeZip([
      { path: 'animals/', data: new Uint8Array(0) },
      { path: 'animals/cats/a.png', data: a, deflate: true },
      { path: 'animals/dogs/../b.png', data: b },
    ]));
    const entries = await listZip(zip);
    expect(entries.map((e) => [e.path, e.size, e.method])).toEqual([['animals/cats/a.png', 5000, 8], ['animals/dogs/b.png', 300, 0]]);
    for (const e of entries) expect(entryProblem(e, MB)).toBeNull();
    expect(Array.from(await readZipEntry(zip, entries[0]))).toEqual(Array.from(a));
    expect(Array.from(await readZipEntry(zip, entries[1]))).toEqual(Array.from(b));
  });

  it('refuses what is not a zip, or is truncated', async () => {
    expect(await reason(listZip(blob(bytes(100, (i) => i))))).toMatch(/not a zip archive/);
    const good = makeZip([{ path: 'a.png', data: bytes(1000, (i) => i % 256) }]);
    expect(await reason(listZip(blob(good.slice(500))))).toMatch(/truncated: its directory lies past the end of the file/);
  });

  it('refuses zip bombs by declared size, by ratio, and by what actually inflates', async () => {
    const zeros = new Uint8Array(4 * MB);
    const zip = blob(makeZip([
      { path: 'big.png', data: zeros, deflate: true },
      { path: 'liar.png', data: zeros, deflate: true, forge: { size: 1000 } },
      { path: 'ok.png', data: bytes(2000, (i) => i % 7), deflate: true },
    ]));
    const [big, liar, ok] = await listZip(zip);
    // 4 MB of zeros deflate to ~4 KB: a ratio no image has.
    expect(entryProblem(big, 20 * MB)).toMatch(/claims to unpack \d+× larger \(a zip bomb\?\)/);
    expect(entryProblem(big, 2 * MB)).toMatch(/too large: 4\.0 MB unpacked \(the limit is 2\.0 MB\)/);
    // Declared small, inflates large: stopped at the declared size.
    expect(entryProblem(liar, 20 * MB)).toBeNull();
    expect(await reason(readZipEntry(zip, liar))).toMatch(/unpacks past its declared size/);
    expect(await readZipEntry(zip, ok)).toHaveLength(2000);
  });

  it('reports damaged, encrypted and unsupported entries', async () => {
    const data = bytes(1000, (i) => i % 13);
    const zip = blob(makeZip([
      { path: 'crc.png', data, forge: { crc32: 1234 } },
      { path: 'locked.png', data, forge: { flags: 1 } },
      { path: 'bzip.png', data, forge: { method: 12 } },
      { path: 'garbage.png', data: deflateRawSync(data).subarray(0, 20), forge: { method: 8, size: 1000 } },
    ]));
    const [crc, locked, bzip, garbage] = await listZip(zip);
    expect(await reason(readZipEntry(zip, crc))).toMatch(/CRC-32 mismatch/);
    expect(entryProblem(locked, MB)).toBe('encrypted inside the zip');
    expect(entryProblem(bzip, MB)).toMatch(/zip method 12/);
    expect(await reason(readZipEntry(zip, garbage))).toMatch(/damaged inside the zip/);
  });
});
