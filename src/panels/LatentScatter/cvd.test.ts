import { describe, expect, it } from 'vitest';
import { CVD, labAs, minDistance } from './cvd';
import { LABEL_COLORS } from './scatterSpec';

const TABLEAU_10 = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e'];

describe('colour-vision deficiency check', () => {
  it('matches known Lab values', () => {
    const white = labAs('#ffffff', CVD.normal);
    expect(white[0]).toBeCloseTo(100, 1);
    expect(Math.abs(white[1]) + Math.abs(white[2])).toBeLessThan(0.5);
    // sRGB red is L*a*b* ≈ (53.2, 80.1, 67.2).
    const red = labAs('#ff0000', CVD.normal);
    [53.2, 80.1, 67.2].forEach((v, i) => expect(red[i]).toBeCloseTo(v, 0));
    // A deuteranope sees red and green at about the same hue: simulated, they come close.
    expect(minDistance(['#e15759', '#59a14f'], CVD.deutan)).toBeLessThan(5);
  });

  it('keeps the scatter label colours apart for normal, protan, deutan and tritan vision', () => {
    for (const [kind, m] of Object.entries(CVD)) expect(minDistance(LABEL_COLORS, m), kind).toBeGreaterThan(12);
    // Distinct by name for normal vision too: far apart, and only one grey (chroma under 15).
    expect(minDistance(LABEL_COLORS, CVD.normal)).toBeGreaterThan(30);
    expect(LABEL_COLORS.filter((c) => Math.hypot(...labAs(c, CVD.normal).slice(1)) < 15)).toHaveLength(1);
    // The previous palette had two greys and a blue pair: this check rejects it.
    const previous = ['#E69F00', '#56B4E9', '#009E73', '#0077BB', '#CC79A7', '#DDCC77', '#117733', '#999933', '#666666', '#BBBBBB'];
    expect(minDistance(previous, CVD.normal)).toBeLessThan(30);
    // The check can fail: Tableau 10 (the old palette) puts red and green together for a deuteranope.
    expect(minDistance(TABLEAU_10, CVD.deutan)).toBeLessThan(12);
  });
});
