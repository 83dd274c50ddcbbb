export type InterpolationMethod = 'linear' | 'spherical';

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * The point at t ∈ [0, 1] between latent codes a and b.
 * - linear: (1 − t)·a + t·b.
 * - spherical: the direction turns along the great circle from a's to b's at a constant angular
 *   rate (slerp of the unit vectors), while the length goes linearly from |a| to |b|. Under a
 *   N(0, I) prior the codes live near a shell, and a straight line cuts through its low-density
 *   middle; this path stays on the shell (White, "Sampling generative networks", 2016).
 * Falls back to linear when the directions are (anti)parallel or a code is zero, where the
 * great circle is undefined.
 */
export function interpolate(a: ArrayLike<number>, b: ArrayLike<number>, t: number, method: InterpolationMethod): Float64Array {
  const d = a.length;
  const out = new Float64Array(d);
  const na = norm(a);
  const nb = norm(b);
  let cos = 0;
  for (let i = 0; i < d; i++) cos += a[i] * b[i];
  cos = na > 0 && nb > 0 ? cos / (na * nb) : 1;
  const omega = Math.acos(Math.min(1, Math.max(-1, cos)));
  const sin = Math.sin(omega);
  if (method === 'linear' || sin < 1e-6) {
    for (let i = 0; i < d; i++) out[i] = (1 - t) * a[i] + t * b[i];
    return out;
  }
  const wa = Math.sin((1 - t) * omega) / sin;
  const wb = Math.sin(t * omega) / sin;
  const length = (1 - t) * na + t * nb;
  for (let i = 0; i < d; i++) out[i] = length * (wa * (a[i] / na) + wb * (b[i] / nb));
  return out;
}

/**
 * steps + 2 codes from a to b at t = i / (steps + 1); the ends are a and b themselves, bit for
 * bit, so decoding them gives exactly the endpoints' images. [(steps + 2), d] row-major.
 */
export function interpolationPath(a: ArrayLike<number>, b: ArrayLike<number>, steps: number, method: InterpolationMethod): Float32Array {
  const d = a.length;
  const count = steps + 2;
  const out = new Float32Array(count * d);
  for (let i = 1; i < count - 1; i++) out.set(interpolate(a, b, i / (count - 1), method), i * d);
  out.set(Array.from(a), 0);
  out.set(Array.from(b), (count - 1) * d);
  return out;
}
