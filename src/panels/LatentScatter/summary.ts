import type { LatentPlane } from '../../protocol';

const f = (v: number) => v.toFixed(2);

/**
 * The scatter in words, for screen readers: how many codes on which plane, and where each label's
 * codes sit (their mean) — the clusters a sighted reader sees.
 */
export function scatterSummary(points: Float32Array, labels: Uint8Array, count: number, plane: LatentPlane): string {
  const sums = new Map<number, [number, number, number]>();
  for (let i = 0; i < count; i++) {
    const s = sums.get(labels[i]) ?? [0, 0, 0];
    s[0] += points[2 * i];
    s[1] += points[2 * i + 1];
    s[2]++;
    sums.set(labels[i], s);
  }
  const axes = plane.axes === 'latent' ? 'z₁ and z₂' : 'the first two principal axes';
  const share = `${(100 * (plane.explained[0] + plane.explained[1])).toFixed(0)}% of the variance`;
  const centres = [...sums.entries()]
    .sort(([a], [b]) => a - b)
    .map(([label, [x, y, n]]) => `label ${label}: ${n} codes around (${f(x / n)}, ${f(y / n)})`);
  return `${count} test images on ${axes} (${share}). ${centres.join('; ')}.`;
}
