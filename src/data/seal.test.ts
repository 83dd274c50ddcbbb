import { describe, expect, it } from 'vitest';
import { sealOf } from './seal';

describe('seal (the warm read check of a verified cache entry)', () => {
  it('changes with any single flipped bit, at every position, word body and byte tail alike', () => {
    for (const n of [0, 1, 3, 4, 15, 16, 17, 35]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      const seal = sealOf(bytes);
      const seen = new Set([seal]);
      for (let i = 0; i < n; i++) {
        for (let bit = 0; bit < 8; bit++) {
          const flipped = bytes.slice();
          flipped[i] ^= 1 << bit;
          const s = sealOf(flipped);
          expect(s, `n=${n}, byte ${i}, bit ${bit}`).not.toBe(seal);
          seen.add(s);
        }
      }
      expect(seen.size).toBe(1 + 8 * n);
    }
  });

  it('is not fooled by two top-bit flips in one lane (they cancel in plain FNV-1a)', () => {
    const bytes = new Uint8Array(64);
    const flipped = bytes.slice();
    flipped[3] ^= 0x80; // word 0, lane a
    flipped[19] ^= 0x80; // word 4, lane a
    expect(sealOf(flipped)).not.toBe(sealOf(bytes));
  });

  it('tells apart lengths and swapped words, and does not depend on where the view starts', () => {
    expect(sealOf(new Uint8Array(8))).not.toBe(sealOf(new Uint8Array(9)));
    expect(sealOf(Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0))).not.toBe(sealOf(Uint8Array.of(5, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0)));
    const bytes = Uint8Array.from({ length: 103 }, (_, i) => (i * 91) & 255);
    const shifted = new Uint8Array(110);
    shifted.set(bytes, 3);
    expect(sealOf(shifted.subarray(3, 106))).toBe(sealOf(bytes));
  });
});
