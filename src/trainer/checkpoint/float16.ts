/**
 * IEEE 754 half precision (binary16), for model files that store their weights in half the bytes.
 * Encoding rounds to nearest, ties to even, as a float32 → float16 conversion in hardware does;
 * subnormals are kept. A value float16 cannot hold (NaN, ±Infinity, or beyond ±65504 once
 * rounded) is refused: a weight that became infinite on the way out would be a damaged model.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float16 bits of a float32 value; throws on one float16 cannot hold. */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const u = u32[0];
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  const mant = u & 0x7fffff;
  if (exp === 0xff) throw new RangeError(`${value} cannot be stored as float16`);
  const e = exp - 127 + 15;
  if (e <= 0) {
    // Subnormal (or zero): the significand with its implicit 1, shifted down to units of 2^-24.
    const shift = 14 - e;
    if (shift > 24) return sign;
    const m = mant | 0x800000;
    let h = m >>> shift;
    const rem = m & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && h & 1)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++;
  if (h >= 0x7c00) throw new RangeError(`${value} is beyond float16's largest value (65504)`);
  return sign | h;
}

/** The value of float16 bits (±Infinity and NaN included, for a reader to refuse). */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** Float32 values as little-endian float16 bytes; throws naming the first value that does not fit. */
export function encodeFloat16(values: Float32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    try {
      view.setUint16(2 * i, toFloat16Bits(values[i]), true);
    } catch (e) {
      throw new RangeError(`value ${i + 1}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Little-endian float16 bytes as float32 values. */
export function decodeFloat16(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = fromFloat16Bits(view.getUint16(2 * i, true));
  return out;
}
