import type { Gmm } from './model';
import type { Rng } from './random';

/**
 * `count` draws from the mixture, sorted by component so a grid reads one component per run of
 * images. Returns the points [count, d] and the component of each.
 */
export function sampleGmm(g: Gmm, count: number, rng: Rng): { x: Float64Array; components: Int32Array } {
  const { k, d } = g;
  const comps = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let r = rng.uniform();
    let c = 0;
    while (c < k - 1 && r >= g.weights[c]) r -= g.weights[c++];
    comps[i] = c;
  }
  comps.sort();
  const x = new Float64Array(count * d);
  const eps = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    const c = comps[i];
    for (let j = 0; j < d; j++) eps[j] = rng.normal();
    for (let a = 0; a < d; a++) {
      let v = g.means[c * d + a];
      if (g.covariance === 'diag') v += Math.sqrt(g.scale[c * d + a]) * eps[a];
      else for (let b = 0; b <= a; b++) v += g.scale[c * d * d + a * d + b] * eps[b];
      x[i * d + a] = v;
    }
  }
  return { x, components: comps };
}
