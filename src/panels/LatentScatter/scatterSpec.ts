import type { LatentPlane } from '../../protocol';

/**
 * One colour per class, each with its own name (orange, blue, green, vermillion, sky, pink, sand,
 * brown, magenta, grey): Okabe–Ito's hues extended with Tol's sand, Tableau's green and brown and a
 * magenta, picked by search so that every pair stays apart by CIE76 ΔE > 30 for normal vision and
 * > 12 for protan, deutan and tritan vision (cvd.test.ts), with one grey only and no colour too dark
 * or too light for either theme.
 */
export const LABEL_COLORS = ['#E69F00', '#0072B2', '#59A14F', '#D55E00', '#66CCEE', '#CC79A7', '#DDCC77', '#8C564B', '#EE3377', '#BBBBBB'];

/** Points are drawn see-through, so dense clusters read darker and overlaps show. */
export const POINT_ALPHA = 0.75;

/**
 * The indices of the points of each class, in order: classes are drawn one after another, so the
 * legend's order is the drawing order (class 9 on top) and a hidden class is simply skipped.
 */
export function groupByLabel(labels: ArrayLike<number>, count: number): Int32Array[] {
  const n = LABEL_COLORS.length;
  const sizes = new Array<number>(n).fill(0);
  for (let i = 0; i < count; i++) sizes[labels[i] % n]++;
  const groups = sizes.map((s) => new Int32Array(s));
  const fill = new Array<number>(n).fill(0);
  for (let i = 0; i < count; i++) {
    const l = labels[i] % n;
    groups[l][fill[l]++] = i;
  }
  return groups;
}

const sub = ['₁', '₂'];

/** "z₁" for the latent itself; "PC1 · 41.2% of variance" for a principal axis. */
export function axisTitle(plane: LatentPlane, axis: 0 | 1, short = false): string {
  // A small plot (a race lane's) has room for "PC1 · 67%" only.
  const share = short ? `${Math.round(100 * plane.explained[axis])}%` : `${(100 * plane.explained[axis]).toFixed(1)}% of variance`;
  return plane.axes === 'latent' ? `z${sub[axis]} · ${share}` : `PC${axis + 1} · ${share}`;
}

/** The hover label of one point. */
export const pointText = (label: number, index: number): string => `label ${label} · test image ${index}`;
