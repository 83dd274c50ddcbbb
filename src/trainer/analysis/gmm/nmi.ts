/**
 * Normalised mutual information between two labelings of the same points, I(A;B) divided by the
 * arithmetic mean of H(A) and H(B) (scikit-learn's default). 1 for the same partition under any
 * renaming of labels; near 0 for independent ones. Two single-cluster labelings count as 1.
 */
export function nmi(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length) throw new Error(`nmi: labelings differ in length (${n} vs ${b.length})`);
  if (n === 0) return 1;
  const ai = index(a);
  const bi = index(b);
  const joint = new Float64Array(ai.size * bi.size);
  const ca = new Float64Array(ai.size);
  const cb = new Float64Array(bi.size);
  for (let i = 0; i < n; i++) {
    const x = ai.of[i];
    const y = bi.of[i];
    joint[x * bi.size + y]++;
    ca[x]++;
    cb[y]++;
  }
  const ha = entropy(ca, n);
  const hb = entropy(cb, n);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (let x = 0; x < ai.size; x++) {
    for (let y = 0; y < bi.size; y++) {
      const nxy = joint[x * bi.size + y];
      if (nxy > 0) mi += (nxy / n) * Math.log((n * nxy) / (ca[x] * cb[y]));
    }
  }
  const denom = (ha + hb) / 2;
  // Rounding can put MI a hair outside [0, denom].
  return Math.min(1, Math.max(0, mi / denom));
}

function index(labels: ArrayLike<number>): { of: Int32Array; size: number } {
  const ids = new Map<number, number>();
  const of = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = ids.get(labels[i]);
    if (id === undefined) ids.set(labels[i], (id = ids.size));
    of[i] = id;
  }
  return { of, size: ids.size };
}

function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}
