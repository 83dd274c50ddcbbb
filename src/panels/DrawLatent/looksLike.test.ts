import { describe, expect, it } from 'vitest';
import { looksLike } from './looksLike';

describe('looksLike', () => {
  it('lists the largest shares first, rounded, small ones left out', () => {
    const s = new Float32Array(10);
    s[7] = 0.62;
    s[1] = 0.2;
    s[4] = 0.16;
    s[9] = 0.02;
    expect(looksLike(s)).toBe('7 (62 %), 1 (20 %), 4 (16 %)');
    expect(looksLike(s, 2)).toBe('7 (62 %), 1 (20 %)');
  });
  it('is empty when no share reaches the floor', () => {
    expect(looksLike(new Float32Array(10))).toBe('');
  });
});
