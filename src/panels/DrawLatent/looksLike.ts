/** "7 (62 %), 1 (20 %)": the labels with the largest shares, largest first, those under `min` left out. */
export function looksLike(shares: ArrayLike<number>, top = 3, min = 0.05): string {
  const ranked = Array.from(shares, (share, label) => ({ label, share }))
    .filter((s) => s.share >= min)
    .sort((a, b) => b.share - a.share || a.label - b.label)
    .slice(0, top);
  return ranked.map((s) => `${s.label} (${Math.round(100 * s.share)} %)`).join(', ');
}
