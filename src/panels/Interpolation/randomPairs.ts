import type { Pick } from '../Explore/picks';

/** Up to `count` pairs of different classes from the given images, at random (for a quick start). */
export function randomPairs(items: readonly Pick[], count: number, rand: () => number = Math.random): [Pick, Pick][] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const pairs: [Pick, Pick][] = [];
  while (pairs.length < count && pool.length >= 2) {
    const a = pool.shift()!;
    const k = pool.findIndex((p) => p.label !== a.label);
    const [b] = pool.splice(k >= 0 ? k : 0, 1);
    pairs.push([{ index: a.index, label: a.label }, { index: b.index, label: b.label }]);
  }
  return pairs;
}
