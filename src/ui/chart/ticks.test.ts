import { describe, expect, it } from 'vitest';
import { formatTick, niceTicks } from './ticks';

describe('niceTicks', () => {
  it('picks 1, 2 or 5 times a power of ten and covers the range with multiples of it', () => {
    expect(niceTicks(0, 550, 5)).toEqual({ step: 100, values: [0, 100, 200, 300, 400, 500] });
    expect(niceTicks(0, 1, 5).step).toBe(0.2);
    expect(niceTicks(103.2, 108.9, 3).step).toBe(2);
    expect(niceTicks(103.2, 108.9, 3).values).toEqual([104, 106, 108]);
    expect(niceTicks(-2000, 400, 6)).toEqual({ step: 500, values: [-2000, -1500, -1000, -500, 0] });
  });

  it('gives exact decimals, not accumulated float error', () => {
    expect(niceTicks(0, 0.7, 7).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('widens an empty range around its value and refuses non-finite ends', () => {
    const t = niceTicks(5, 5, 4);
    expect(t.values.length).toBeGreaterThan(1);
    expect(t.values[0]).toBeLessThanOrEqual(5);
    expect(t.values[t.values.length - 1]).toBeGreaterThanOrEqual(5);
    expect(niceTicks(0, Infinity).values).toEqual([]);
  });
});

describe('formatTick', () => {
  it('shows as many decimals as the step needs', () => {
    expect(formatTick(100, 50)).toBe('100');
    expect(formatTick(0.2, 0.2)).toBe('0.2');
    expect(formatTick(0.05, 0.05)).toBe('0.05');
    expect(formatTick(-0.0000001, 0.1)).toBe('0.0');
    expect(formatTick(-1500, 500)).toBe('\u22121500');
  });

  it('writes big round numbers in thousands', () => {
    expect(formatTick(20_000, 5000)).toBe('20k');
    expect(formatTick(12_000, 2000)).toBe('12k');
    expect(formatTick(12_500, 500)).toBe('12500');
    expect(formatTick(4000, 1000)).toBe('4000');
  });
});
