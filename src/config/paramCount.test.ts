import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { paramCount } from './paramCount';

const mlp = (latentDim: number, hidden: number[], more: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  ...DEFAULT_CONFIG,
  architecture: 'mlp',
  latentDim,
  hidden,
  ...more,
});

describe('paramCount', () => {
  it('counts the 784-400-20 Bernoulli VAE', () => {
    expect(paramCount(mlp(20, [400]))).toBe(652_824);
    expect(paramCount(DEFAULT_CONFIG)).toBe(652_824);
  });

  it('matches the five seed-001 MLPs', () => {
    // Seed 001's Table I lists one more for each (29,033 …): it counts one extra scalar,
    // most likely a decoder σ shared by all pixels, which these Bernoulli models do not have.
    const cases: [number[], number][] = [
      [[], 29_032],
      [[32], 52_200],
      [[64], 103_592],
      [[60, 32], 100_064],
      [[60, 32, 20], 100_952],
    ];
    for (const [hidden, n] of cases) expect(paramCount(mlp(12, hidden)), `hidden [${hidden}]`).toBe(n);
  });

  it('widens only the decoder output by the likelihood parameters per pixel', () => {
    const base = paramCount(mlp(20, [400]));
    const outLayer = 400 * 784 + 784;
    expect(paramCount(mlp(20, [400], { likelihood: 'beta' }))).toBe(base + outLayer);
    expect(paramCount(mlp(20, [400], { likelihood: 'categorical', bins: 4 }))).toBe(base + 3 * outLayer);
    expect(paramCount(mlp(20, [400]), [28, 28, 1], 2)).toBe(base + outLayer);
  });

  it('scales with the image shape', () => {
    expect(paramCount(mlp(2, []), [2, 3, 1])).toBe(6 * 4 + 4 + 2 * 6 + 6);
  });
});

describe('paramCount of the conv VAE', () => {
  it('counts convs, the dense head and the transposed convs', () => {
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [32, 64], latentDim: 20 };
    const k2 = 9;
    const enc = k2 * 1 * 32 + 32 + (k2 * 32 * 64 + 64);
    const flat = 7 * 7 * 64;
    const dense = flat * 40 + 40 + (20 * flat + flat);
    const dec = k2 * 64 * 32 + 32 + (k2 * 32 * 1 + 1);
    expect(paramCount(c)).toBe(enc + dense + dec);
    // Beta: two parameters per pixel widen only the last transposed conv.
    expect(paramCount({ ...c, likelihood: 'beta' })).toBe(enc + dense + dec + k2 * 32 + 1);
  });
});
