import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';

/** Builds an IDX file: magic 00 00 <type> <ndims>, big-endian dims, then data. */
function idx(dims: number[], data: number[], type = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, type, dims.length]);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

describe('parseIdx', () => {
  it('reads a 3-d uint8 array (images)', () => {
    const { dims, data } = parseIdx(idx([2, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]));
    expect(dims).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
  });

  it('reads a 1-d array (labels) and big-endian dims above 255', () => {
    const labels = Array.from({ length: 300 }, (_, i) => i % 10);
    const { dims, data } = parseIdx(idx([300], labels));
    expect(dims).toEqual([300]);
    expect(data.length).toBe(300);
    expect(data[299]).toBe(9);
  });

  it('works on a view that does not start at offset 0', () => {
    const file = idx([3], [7, 8, 9]);
    const padded = new Uint8Array(file.length + 5);
    padded.set(file, 5);
    expect(Array.from(parseIdx(padded.subarray(5)).data)).toEqual([7, 8, 9]);
  });

  it('returns a view, not a copy', () => {
    const file = idx([2], [1, 2]);
    expect(parseIdx(file).data.buffer).toBe(file.buffer);
  });

  it('rejects a file too short for the magic', () => {
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow(/too short/);
  });

  it('rejects a gzip file with a hint', () => {
    expect(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toThrow(/bad magic 1f 8b 08 00.*gzip/);
  });

  it('rejects non-uint8 element types', () => {
    expect(() => parseIdx(idx([1], [0, 0, 0, 0], 0x0d))).toThrow(/element type 0x0d is not supported/);
  });

  it('rejects zero dimensions', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).toThrow(/0 dimensions/);
  });

  it('rejects a truncated header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).toThrow(/header needs 16 bytes/);
  });

  it('rejects truncated data and trailing bytes', () => {
    expect(() => parseIdx(idx([2, 2], [1, 2, 3]))).toThrow(/need 4 data bytes but the file has 3 \(truncated\)/);
    expect(() => parseIdx(idx([2], [1, 2, 3]))).toThrow(/trailing bytes/);
  });
});
