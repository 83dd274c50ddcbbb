import * as tf from './tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import { TrainingSession, type TrainingData } from './session';
import { useTestBackend } from './testing/tfSetup';

beforeAll(useTestBackend);

// 52 images of 4×4 pixels; image k is uniformly grey at level 5k (0, 5, …, 255).
const N = 52;
const D = 16;
function greyData(): TrainingData {
  const images = Uint8Array.from({ length: N * D }, (_, i) => 5 * Math.floor(i / D));
  const split = { images, labels: new Uint8Array(N), count: N };
  return { shape: [4, 4, 1], train: split, test: split };
}

describe('dynamic binarization', () => {
  it('draws each pixel as 0/1 with its grey level as probability, afresh for every use', () => {
    const session = new TrainingSession({ ...DEFAULT_CONFIG, binarize: 'dynamic', hidden: [8], latentDim: 2, seed: 3 }, greyData());
    // The training set goes onto the backend at its first use (one tensor, the session's own).
    session.images('train', 0, 1).dispose();
    const before = tf.memory().numTensors;
    const x = session.images('train', 0, N);
    // 200 draws of 832 pixels: each grey level gets 3,200.
    const draws = 200;
    const ones = new Float64Array(N);
    let previous: Float32Array | null = null;
    let changed = 0;
    let notBinary = 0;
    for (let c = 0; c < draws; c++) {
      // The private batch preparation the training step and evaluation both use (inside their tidy).
      const b = tf.tidy(() => session['prepare'](x, c));
      const v = b.dataSync() as Float32Array;
      b.dispose();
      for (let i = 0; i < v.length; i++) {
        if (v[i] !== 0 && v[i] !== 1) notBinary++;
        ones[Math.floor(i / D)] += v[i];
      }
      if (previous) changed += v.some((p, i) => p !== previous![i]) ? 1 : 0;
      previous = v;
    }
    for (let k = 0; k < N; k++) {
      const p = (5 * k) / 255;
      const mean = ones[k] / (draws * D);
      // 3,200 draws per level: within 4 standard errors of p (exact at p = 0 and 1).
      expect(Math.abs(mean - p), `grey ${5 * k}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / (draws * D)) + 1e-9);
    }
    expect(notBinary).toBe(0);
    expect(changed).toBe(draws - 1);
    // Seeded: the same use gets the same draw.
    const a = tf.tidy(() => session['prepare'](x, 7));
    const b = tf.tidy(() => session['prepare'](x, 7));
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b, x]);
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
  });

  it('leaves grey levels alone when off', () => {
    const session = new TrainingSession({ ...DEFAULT_CONFIG, binarize: 'none', hidden: [8], latentDim: 2 }, greyData());
    const x = session.images('test', 10, 1);
    const y = session['prepare'](x, 0);
    expect(y).toBe(x);
    expect(Array.from(y.dataSync())[0]).toBeCloseTo(50 / 255, 6);
    x.dispose();
    session.dispose();
  });
});
