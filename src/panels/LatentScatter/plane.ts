import type { LatentPlane } from '../../protocol';

/** The latent code at (u, v) of a plotted plane: mean + u·axis₁ + v·axis₂ (for d = 2, simply (u, v)). */
export function planeToLatent(plane: LatentPlane, u: number, v: number): Float32Array {
  const d = plane.mean.length;
  const z = Float32Array.from(plane.mean);
  for (let i = 0; i < d; i++) z[i] += u * plane.components[i] + v * plane.components[d + i];
  return z;
}
