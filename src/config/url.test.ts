import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { FIELDS } from './fields';
import { decodeConfig, encodeConfig } from './url';
import { validateConfig } from './validate';

/** A valid config with every field away from its default, so a dropped field shows. */
const OTHER: ExperimentConfig = {
  dataset: 'fashion-mnist',
  architecture: 'conv',
  hidden: [60, 32, 20],
  convChannels: [16, 32, 64],
  latentDim: 7,
  likelihood: 'categorical',
  variance: 0.05,
  bins: 16,
  binarize: 'dynamic',
  objective: 'mmd',
  beta: 0.5,
  mmdWeight: 250.5,
  mmdBandwidth: 1.25,
  optimizer: 'sgd',
  momentum: 0.95,
  batchSize: 100,
  learningRate: 0.00025,
  epochs: 500,
  patience: 5,
  seed: 2 ** 31 - 1,
};

describe('config in the URL hash', () => {
  it('covers every field and changes each away from its default', () => {
    expect(Object.keys(OTHER).sort()).toEqual(Object.keys(FIELDS).sort());
    expect(validateConfig(OTHER).ok).toBe(true);
    for (const k of Object.keys(FIELDS) as (keyof ExperimentConfig)[]) expect(OTHER[k], k).not.toEqual(DEFAULT_CONFIG[k]);
  });

  it('round-trips every field, one at a time and all together', () => {
    for (const k of Object.keys(FIELDS) as (keyof ExperimentConfig)[]) {
      const c = { ...DEFAULT_CONFIG, [k]: OTHER[k] };
      expect(decodeConfig(encodeConfig(c)), k).toEqual({ config: c, applied: Object.keys(FIELDS), notes: [] });
    }
    expect(decodeConfig(`#${encodeConfig(OTHER)}`).config).toEqual(OTHER);
    // An MLP with no hidden layer: an empty list survives.
    const linear = { ...DEFAULT_CONFIG, hidden: [] };
    expect(encodeConfig(linear)).toContain('hidden=&');
    expect(decodeConfig(encodeConfig(linear)).config.hidden).toEqual([]);
  });

  it('keeps the valid values of a link and names each one it ignores', () => {
    const d = decodeConfig('#latentDim=abc&hidden=60,x&likelihood=gauss&batchSize=64&color=red&learningRate=-1&epochs=&beta=2');
    expect(d.config).toEqual({ ...DEFAULT_CONFIG, batchSize: 64, beta: 2 });
    expect(d.applied).toEqual(['batchSize', 'beta']);
    expect(d.notes).toHaveLength(6);
    const joined = d.notes.join('\n');
    for (const name of ['latentDim=abc', 'hidden=60,x', 'likelihood=gauss', 'Unknown setting "color"', 'learningRate=-1', 'epochs=']) expect(joined).toContain(name);
    expect(joined).toMatch(/Likelihood p\(x\|z\) must be one of bernoulli/);
    expect(joined).toMatch(/Learning rate must be a number above 0/);
  });

  it('never throws on garbage, and an empty hash is the base config', () => {
    for (const hash of ['', '#', '#%E0%A4%A', '#&&&=', '#latentDim', '#__proto__=1&constructor=2']) {
      const d = decodeConfig(hash);
      expect(validateConfig(d.config).ok).toBe(true);
    }
    expect(decodeConfig('').config).toEqual(DEFAULT_CONFIG);
    expect(decodeConfig('#__proto__=1').notes[0]).toMatch(/Unknown setting "__proto__"/);
  });
});
