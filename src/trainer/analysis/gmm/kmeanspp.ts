import type { Rng } from './random';

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre uniformly, each next one with
 * probability ∝ squared distance to the nearest centre chosen so far. Returns point indices.
 */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): Int32Array {
  const centres = new Int32Array(k);
  const dist = new Float64Array(n).fill(Infinity);
  centres[0] = Math.min(n - 1, Math.floor(rng.uniform() * n));
  for (let c = 1; c <= k; c++) {
    const last = centres[c - 1] * d;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = x[i * d + j] - x[last + j];
        s += t * t;
      }
      if (s < dist[i]) dist[i] = s;
      total += dist[i];
    }
    if (c === k) break;
    // All points on the chosen centres (duplicates): any point will do.
    if (!(total > 0)) {
      centres[c] = Math.floor(rng.uniform() * n);
      continue;
    }
    let r = rng.uniform() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i];
      if (r <= 0 && dist[i] > 0) {
        pick = i;
        break;
      }
    }
    centres[c] = pick;
  }
  return centres;
}

/** One-hot responsibilities of every point for its nearest centre: [n, k]. */
export function hardAssign(x: Float64Array, n: number, d: number, centres: Int32Array): Float64Array {
  const k = centres.length;
  const resp = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = x[i * d + j] - x[centres[c] * d + j];
        s += t * t;
      }
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    resp[i * k + best] = 1;
  }
  return resp;
}
