/**
 * IDX reader (the MNIST / Fashion-MNIST container): big-endian uint32 magic 0x0000_TT_NN
 * (TT = element type, NN = number of dims), NN big-endian uint32 dims, then row-major data.
 * Only uint8 elements (TT = 0x08) occur in the datasets we ship, so other types are rejected
 * rather than silently misread.
 */
export interface IdxArray {
  dims: number[];
  /** A view into the input bytes, not a copy. */
  data: Uint8Array;
}

const UINT8 = 0x08;
const MAX_DIMS = 8;

export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4) throw new Error(`IDX: ${bytes.length} bytes is too short for the 4-byte magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`IDX: bad magic ${hex(bytes.subarray(0, 4))}; an IDX file starts with 00 00 (is it still gzip'd?)`);
  }
  if (bytes[2] !== UINT8) throw new Error(`IDX: element type 0x${hex(bytes.subarray(2, 3))} is not supported (only uint8, 0x08)`);
  const ndims = bytes[3];
  if (ndims === 0 || ndims > MAX_DIMS) throw new Error(`IDX: ${ndims} dimensions (expected 1 to ${MAX_DIMS})`);
  const start = 4 + 4 * ndims;
  if (bytes.length < start) throw new Error(`IDX: header needs ${start} bytes for ${ndims} dims, file has ${bytes.length}`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  const have = bytes.length - start;
  if (have !== size) {
    const why = have < size ? 'truncated' : 'has trailing bytes';
    throw new Error(`IDX: dims [${dims.join(', ')}] need ${size} data bytes but the file has ${have} (${why})`);
  }
  return { dims, data: bytes.subarray(start) };
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
