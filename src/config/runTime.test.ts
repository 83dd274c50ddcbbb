import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './experiment';
import { durationText, estimateRate, estimateSeconds, forwardMacs, trainImages } from './runTime';

describe('run time estimate', () => {
  it('reproduces the reference rates for the default models', () => {
    expect(estimateRate({ ...DEFAULT_CONFIG, architecture: 'mlp' })).toBeCloseTo(5600, 6);
    expect(estimateRate({ ...DEFAULT_CONFIG, architecture: 'conv' })).toBeCloseTo(1970, 6);
  });

  it('counts a dense layer by its weights and a conv by its output pixels', () => {
    // 784-0-2·2 and back: (784·4 + 4) + (2·784 + 784) weights and biases.
    expect(forwardMacs({ ...DEFAULT_CONFIG, hidden: [], latentDim: 2 })).toBe(784 * 4 + 4 + 2 * 784 + 784);
    const one = forwardMacs({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [8] });
    const two = forwardMacs({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [16] });
    expect(two).toBeGreaterThan(1.5 * one);
  });

  it('never promises more than the fixed cost per image allows, however small the model', () => {
    const tiny = estimateRate({ ...DEFAULT_CONFIG, hidden: [], latentDim: 2 });
    expect(tiny).toBeLessThan(25_000);
    expect(tiny).toBeGreaterThan(20_000);
  });

  it('scales with epochs and images: 10 epochs of the default MLP on MNIST take 60,000·10 / 5,600 s', () => {
    expect(estimateSeconds({ ...DEFAULT_CONFIG, epochs: 10 })).toBeCloseTo(600_000 / 5600, 6);
    expect(trainImages('shapes-28px-10000-seed1')).toBe(10_000);
    expect(trainImages('mnist')).toBe(60_000);
  });

  it('says durations as a person would', () => {
    expect(durationText(7)).toBe('about 10 s');
    expect(durationText(44)).toBe('about 40 s');
    expect(durationText(107)).toBe('about 2 min');
    expect(durationText(80)).toBe('about 1.5 min');
    expect(durationText(1500)).toBe('about 25 min');
  });
});
