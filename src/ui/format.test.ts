import { describe, expect, it } from 'vitest';
import { epochFraction, epochLabel, fixed1, NONE, whole } from './format';

describe('format', () => {
  it('shows unknown numbers as a dash', () => {
    expect(fixed1(null)).toBe(NONE);
    expect(fixed1(Number.NaN)).toBe(NONE);
    expect(fixed1(104.26)).toBe('104.3');
    expect(whole(3120.6)).toBe('3121');
    expect(whole(undefined)).toBe(NONE);
  });

  it('counts epochs from one and stops at the last', () => {
    expect(epochLabel(0, 10)).toBe('Epoch 1 / 10');
    expect(epochLabel(3, 10)).toBe('Epoch 4 / 10');
    expect(epochLabel(10, 10)).toBe('Epoch 10 / 10');
    expect(epochFraction(10, 10, 0)).toBe(1);
    expect(epochFraction(2, 10, 0.25)).toBe(0.25);
  });
});
