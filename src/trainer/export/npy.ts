/**
 * numpy's .npy (format 1.0) for float32 arrays, and .npz (a zip of .npy files), written by hand:
 * magic, version, a header dict padded so the data starts on a 64-byte boundary, then the
 * little-endian values in C order.
 */
import { storedZip, utf8 } from './zip';

export function npy(values: Float32Array, shape: readonly number[]): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  // magic (6) + version (2) + header length (2) + header, ending in '\n', a multiple of 64.
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const head = utf8(header);
  const out = new Uint8Array(10 + head.length + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0); // \x93NUMPY v1.0
  new DataView(out.buffer).setUint16(8, head.length, true);
  out.set(head, 10);
  // Float32Array is little-endian on every platform a browser runs on.
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + head.length);
  return out;
}

export function npz(arrays: { name: string; values: Float32Array; shape: readonly number[] }[]): Uint8Array {
  return storedZip(arrays.map((a) => ({ path: `${a.name}.npy`, data: npy(a.values, a.shape) })));
}
