import { describe, expect, it } from 'vitest';
import { packBits, unpackBits } from './bits';

describe('bit packing', () => {
  it('packs most significant bit first and pads the last byte with zeros', () => {
    const v = Uint8Array.from([255, 0, 0, 0, 0, 0, 0, 255, 255, 0, 255]);
    expect(Array.from(packBits(v))).toEqual([0b1000_0001, 0b1010_0000]);
  });

  it('round-trips 0/255 values of any length', () => {
    for (const n of [1, 7, 8, 9, 784 * 3 + 5]) {
      const v = Uint8Array.from({ length: n }, (_, i) => ((i * 7919) % 3 === 0 ? 255 : 0));
      expect(Array.from(unpackBits(packBits(v), n))).toEqual(Array.from(v));
    }
  });

  it('refuses packed data too short for the count', () => {
    expect(() => unpackBits(new Uint8Array(1), 9)).toThrow(/holds 8 values, 9 expected/);
  });
});
