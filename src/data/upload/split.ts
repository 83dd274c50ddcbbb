import { mulberry32 } from '../random';

/**
 * A seeded, stratified train/test split: each class is shuffled and a `testFraction` of it (at
 * least one image when the class has two or more) goes to test, so every class is in both.
 */
export function stratifiedSplit(labels: number[], testFraction: number, seed = 1): { train: number[]; test: number[] } {
  const byClass = new Map<number, number[]>();
  labels.forEach((l, i) => byClass.set(l, [...(byClass.get(l) ?? []), i]));
  const rand = mulberry32(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const idx of byClass.values()) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const n = idx.length < 2 ? 0 : Math.min(idx.length - 1, Math.max(1, Math.round(idx.length * testFraction)));
    test.push(...idx.slice(0, n));
    train.push(...idx.slice(n));
  }
  // Training order is shuffled again at every epoch; a sorted order keeps files in a stable order.
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
