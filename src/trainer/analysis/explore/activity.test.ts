import { describe, expect, it } from 'vitest';
import { activeUnits, klPerDimension, meanActivity } from './activity';

describe('posterior-collapse statistics', () => {
  it('KL per dimension is ½(μ² + σ² − 1 − log σ²) averaged over images', () => {
    // Two images, two dims: dim 0 is the prior exactly (KL 0), dim 1 has μ = ±1, σ² = e.
    const mu = [0, 1, 0, -1];
    const logvar = [0, 1, 0, 1];
    const kl = klPerDimension(mu, logvar, 2, 2);
    expect(kl[0]).toBe(0);
    expect(kl[1]).toBeCloseTo(0.5 * (1 + Math.E - 1 - 1), 12);
  });

  it('activity is the variance of μ over images, and a unit is active above 0.01', () => {
    const mu = [1, 5, 0.3, 3, 5, 0.1, 5, 5, 0.2];
    const act = meanActivity(mu, 3, 3);
    expect(act[0]).toBeCloseTo(8 / 3, 12);
    expect(act[1]).toBe(0);
    expect(act[2]).toBeCloseTo(0.02 / 3, 12);
    expect(activeUnits(act)).toBe(1);
    expect(activeUnits([0.02, 0.01, 0.011, 0])).toBe(2);
  });
});
