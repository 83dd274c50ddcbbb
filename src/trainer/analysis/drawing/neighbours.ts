/**
 * Label shares among the k test codes nearest to one code (Euclidean, in the full latent space).
 * Plain arrays: a few thousand codes of a few dozen dims take well under a millisecond.
 */
export function nearestLabels(
  code: Float32Array,
  codes: Float32Array,
  labels: ArrayLike<number>,
  count: number,
  dim: number,
  k: number,
  classes: number,
): { indices: Int32Array; shares: Float32Array } {
  const n = Math.min(k, count);
  const dist = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const t = codes[i * dim + j] - code[j];
      s += t * t;
    }
    dist[i] = s;
  }
  // Ties broken by index, so the answer does not depend on the sort's stability.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => dist[a] - dist[b] || a - b);
  const indices = Int32Array.from(order.slice(0, n));
  const shares = new Float32Array(classes);
  for (const i of indices) shares[labels[i]] += 1 / n;
  return { indices, shares };
}

/** (z − mean)·components, the page's plane coordinates of one code (the scatter's `project` for one point). */
export function toPlane(code: Float32Array, mean: Float32Array, components: Float32Array): Float32Array {
  const d = code.length;
  const out = new Float32Array(2);
  for (let a = 0; a < 2; a++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (code[j] - mean[j]) * components[a * d + j];
    out[a] = s;
  }
  return out;
}
