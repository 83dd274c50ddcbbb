import { describe, expect, it } from 'vitest';
import { scatterSummary } from './summary';

describe('scatterSummary', () => {
  it('names the plane and the mean position of each label', () => {
    const points = Float32Array.from([0, 0, 2, 4, -1, 1, -3, 3]);
    const labels = Uint8Array.from([7, 7, 2, 2]);
    const plane = { axes: 'pca' as const, mean: new Float32Array(20), components: new Float32Array(40), explained: Float32Array.from([0.3, 0.2]) };
    expect(scatterSummary(points, labels, 4, plane)).toBe(
      '4 test images on the first two principal axes (50% of the variance). label 2: 2 codes around (-2.00, 2.00); label 7: 2 codes around (1.00, 2.00).',
    );
  });

  it('counts only the first `count` points', () => {
    const plane = { axes: 'latent' as const, mean: new Float32Array(2), components: new Float32Array(4), explained: Float32Array.from([0.6, 0.4]) };
    expect(scatterSummary(Float32Array.from([1, 1, 9, 9]), Uint8Array.from([0, 0]), 1, plane)).toBe('1 test images on z₁ and z₂ (100% of the variance). label 0: 1 codes around (1.00, 1.00).');
  });
});
