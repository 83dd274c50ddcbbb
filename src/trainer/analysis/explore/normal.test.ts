import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, manifoldLatents } from './normal';

describe('inverse normal CDF', () => {
  it('matches tabulated quantiles', () => {
    const table: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.8, 0.8416212335729143],
      [0.001, -3.090232306167813],
      [1e-10, -6.361340902404056],
      [0.02425, -1.9729610513118845],
    ];
    for (const [p, q] of table) expect(inverseNormalCdf(p)).toBeCloseTo(q, 10);
  });

  it('is odd about ½ and infinite at the ends', () => {
    for (const p of [0.01, 0.1, 0.3, 0.49]) expect(inverseNormalCdf(1 - p)).toBeCloseTo(-inverseNormalCdf(p), 12);
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(1.5)).toBeNaN();
  });
});

describe('manifold grid', () => {
  it('puts equal prior mass in each cell: z₁ grows to the right, z₂ upward', () => {
    const { latents, axis } = manifoldLatents(4);
    expect(Array.from(axis)).toEqual([0.125, 0.375, 0.625, 0.875].map(inverseNormalCdf));
    // Top-left cell: lowest z₁, highest z₂; bottom-right: highest z₁, lowest z₂.
    expect(latents[0]).toBeCloseTo(axis[0], 6);
    expect(latents[1]).toBeCloseTo(axis[3], 6);
    const last = 15;
    expect(latents[2 * last]).toBeCloseTo(axis[3], 6);
    expect(latents[2 * last + 1]).toBeCloseTo(axis[0], 6);
    expect(latents.length).toBe(32);
  });
});
