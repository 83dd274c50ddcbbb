import { describe, expect, it } from 'vitest';
import { decodeFloat16, encodeFloat16, fromFloat16Bits, toFloat16Bits } from './float16';

describe('float16', () => {
  it('encodes closed-form cases: normals, extremes, signed zero', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(0.5)).toBe(0x3800);
    expect(toFloat16Bits(0)).toBe(0x0000);
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(2 ** -14)).toBe(0x0400);
    // 1/3 = 0x3555 (0.333251953125) rounded from 0.3333…
    expect(toFloat16Bits(1 / 3)).toBe(0x3555);
  });

  it('keeps subnormals, the smallest 2^-24 and the largest 1023·2^-24', () => {
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(toFloat16Bits(-(2 ** -24))).toBe(0x8001);
    expect(toFloat16Bits(1023 * 2 ** -24)).toBe(0x03ff);
    expect(toFloat16Bits(5 * 2 ** -24)).toBe(0x0005);
    expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
    expect(fromFloat16Bits(0x03ff)).toBe(1023 * 2 ** -24);
    // Far below half the smallest subnormal: zero with its sign.
    expect(toFloat16Bits(1e-10)).toBe(0x0000);
    expect(toFloat16Bits(-1e-10)).toBe(0x8000);
  });

  it('rounds to nearest, ties to even, in normals and subnormals', () => {
    // 1 + 2^-11 lies halfway between 1 (even) and 1 + 2^-10: down. 1 + 3·2^-11: up to the even 1 + 2^-9.
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
    // 2^-25 is halfway between 0 (even) and 2^-24; 3·2^-25 between 2^-24 and 2·2^-24 (even).
    expect(toFloat16Bits(2 ** -25)).toBe(0x0000);
    expect(toFloat16Bits(3 * 2 ** -25)).toBe(0x0002);
    expect(toFloat16Bits(1.5 * 2 ** -25)).toBe(0x0001);
    // The largest subnormal plus half a step rounds up into the smallest normal.
    expect(toFloat16Bits(1023.5 * 2 ** -24)).toBe(0x0400);
    // 65519 rounds down to 65504; 65520 would round to 65536, beyond float16.
    expect(toFloat16Bits(65519)).toBe(0x7bff);
    expect(() => toFloat16Bits(65520)).toThrow(/beyond float16/);
  });

  it('refuses NaN and ±Infinity; decodes them for the reader to refuse', () => {
    for (const v of [NaN, Infinity, -Infinity, 1e6]) expect(() => toFloat16Bits(v)).toThrow(RangeError);
    expect(() => encodeFloat16(Float32Array.of(1, 2, NaN))).toThrow('value 3');
    expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
    expect(fromFloat16Bits(0xfc00)).toBe(-Infinity);
    expect(fromFloat16Bits(0x7e00)).toBeNaN();
  });

  it('round-trips every finite float16 exactly, and float32 values within half a step', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) if ((h & 0x7c00) !== 0x7c00 && toFloat16Bits(fromFloat16Bits(h)) !== h) wrong.push(h);
    expect(wrong).toEqual([]);
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 10 ** ((i % 9) - 5));
    const back = decodeFloat16(encodeFloat16(values));
    for (let i = 0; i < values.length; i++) {
      const x = Math.abs(values[i]);
      // Half a unit in the last place: 2^(e-11) for normals, 2^-25 in the subnormal range.
      const ulpHalf = x < 2 ** -14 ? 2 ** -25 : 2 ** (Math.floor(Math.log2(x)) - 11);
      expect(Math.abs(back[i] - values[i])).toBeLessThanOrEqual(ulpHalf);
    }
  });

  it('writes little-endian bytes, two per value', () => {
    expect(Array.from(encodeFloat16(Float32Array.of(1, -2)))).toEqual([0x00, 0x3c, 0x00, 0xc0]);
    expect(Array.from(decodeFloat16(Uint8Array.of(0x00, 0x3c, 0x01, 0x00)))).toEqual([1, 2 ** -24]);
  });
});
