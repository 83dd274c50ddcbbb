/**
 * One bit per value, most significant bit first: the shipped form of binarized images
 * (8× smaller than uint8 before gzip). scripts/pack-datasets.mjs packs with the same layout.
 */

/** Values > 127 become 1 bits; the last byte is zero-padded. */
export function packBits(values: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i] > 127) out[i >> 3] |= 0x80 >> (i & 7);
  return out;
}

/** The first `count` values as 0 or 255. */
export function unpackBits(packed: Uint8Array, count: number): Uint8Array<ArrayBuffer> {
  if (packed.length < Math.ceil(count / 8)) throw new Error(`bit-packed data holds ${packed.length * 8} values, ${count} expected`);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = (packed[i >> 3] << (i & 7)) & 0x80 ? 255 : 0;
  return out;
}
