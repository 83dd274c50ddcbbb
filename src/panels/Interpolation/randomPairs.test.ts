import { describe, expect, it } from 'vitest';
import { randomPairs } from './randomPairs';

describe('randomPairs', () => {
  it('pairs distinct images of different classes when it can', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ index: 100 + i, label: i % 3 }));
    const pairs = randomPairs(items, 4);
    expect(pairs.length).toBe(4);
    for (const [a, b] of pairs) expect(a.label).not.toBe(b.label);
    expect(new Set(pairs.flat().map((p) => p.index)).size).toBe(8);
  });

  it('makes as many pairs as the images allow', () => {
    expect(randomPairs([{ index: 1, label: 1 }], 4)).toEqual([]);
    expect(randomPairs([{ index: 1, label: 1 }, { index: 2, label: 1 }], 4).length).toBe(1);
  });
});
