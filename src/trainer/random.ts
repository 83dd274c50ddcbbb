/** Seeded randomness, so the same config and seed give the same curve. */

/** A seeded stream whose position can be read and set, so a checkpoint can continue it exactly. */
export interface SeededRandom {
  (): number;
  /** The whole state: one uint32. */
  state(): number;
  setState(state: number): void;
}

/** mulberry32: tiny, fast, good enough for shuffling. */
export function mulberry32(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as SeededRandom;
  next.state = () => a;
  next.setState = (state) => {
    a = state >>> 0;
  };
  return next;
}

/** A Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rand: () => number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Derives a per-purpose, per-step seed for tf.random* calls from the experiment seed. */
export function streamSeed(seed: number, stream: number, counter: number): number {
  return ((seed * 1_000_003 + stream * 7_919 + counter) % 2_147_483_647) + 1;
}
