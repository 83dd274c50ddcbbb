import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import type { TrainingSession } from '../../session';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import type { AnalysisContext } from '../types';
import { collapse } from './collapse';

beforeAll(async () => {
  await useTestBackend();
});

const data = mnistSubset(1, 800);

/**
 * An encoder with known dead dimensions, no training involved. With m = an image's mean ink and
 * p = its centre pixel: μ = (10m, 1 − 5m, 3p, 0, 0.7, 0.05m), log σ² = (−1, −1, −1, 0, 0, 0).
 * Dims 0–2 vary across images (active); 3 and 4 are constant; 5 moves, but by far less than
 * the 0.01 threshold (its variance is 0.0025·Var(m) ≈ 4·10⁻⁶). So 3 units are active.
 */
function stubSession(): TrainingSession {
  const testX = tf.tensor2d(Float32Array.from(data.test.images, (v) => v / 255), [data.test.count, 784]);
  const model = {
    latentDim: 6,
    inputDim: 784,
    encode(x: tf.Tensor2D) {
      return tf.tidy(() => {
        const m = tf.mean(x, 1, true);
        const p = tf.slice(x, [0, 14 * 28 + 14], [-1, 1]);
        const ones = tf.onesLike(m);
        const mu = tf.concat([tf.mul(m, 10), tf.sub(ones, tf.mul(m, 5)), tf.mul(p, 3), tf.zerosLike(m), tf.mul(ones, 0.7), tf.mul(m, 0.05)], 1) as tf.Tensor2D;
        const logvar = tf.concat([tf.mul(ones, -1), tf.mul(ones, -1), tf.mul(ones, -1), tf.zerosLike(m), tf.zerosLike(m), tf.zerosLike(m)], 1) as tf.Tensor2D;
        return { mu, logvar };
      });
    },
  };
  return {
    model,
    data,
    inputDim: 784,
    images: (_split: 'train' | 'test', start: number, n: number) => tf.slice(testX, [start, 0], [n, 784]),
    dispose: () => testX.dispose(),
  } as unknown as TrainingSession;
}

describe('posterior collapse on an encoder with known dead units', () => {
  it('counts 3 active units, KL 0 and ½·0.49 on the dead ones, and a rank-2 means matrix', async () => {
    const session = stubSession();
    const ctx: AnalysisContext = { session, progress: () => {}, checkpoint: async () => {} };
    const before = tf.memory().numTensors;
    const { result: c } = await collapse({ kind: 'collapse', limit: 800 }, ctx);
    expect(tf.memory().numTensors).toBe(before);
    (session as unknown as { dispose(): void }).dispose();

    expect(c.count).toBe(800);
    expect(c.activeUnits).toBe(3);
    expect(Array.from(c.activity, (v) => v > 0.01)).toEqual([true, true, true, false, false, false]);
    expect(c.activity[3]).toBe(0);
    expect(c.activity[5]).toBeLessThan(1e-4);
    // Dead dims: μ = 0, σ² = 1 is the prior itself; μ = 0.7 costs ½·0.7².
    expect(c.klPerDim[3]).toBe(0);
    expect(c.klPerDim[4]).toBeCloseTo(0.245, 6);
    // KL of dim 0 from its definition, with the images' own mean ink.
    let want = 0;
    for (let i = 0; i < 800; i++) {
      let m = 0;
      for (let j = 0; j < 784; j++) m += data.test.images[i * 784 + j] / 255;
      m /= 784;
      want += 0.5 * ((10 * m) ** 2 + Math.exp(-1) - 1 + 1);
    }
    expect(c.klPerDim[0]).toBeCloseTo(want / 800, 4);
    // Dims 0, 1 and 5 are all linear in m, and 2 in p: two directions carry all the variance.
    expect(c.explained[0] + c.explained[1]).toBeGreaterThan(1 - 1e-6);
    expect(c.singularValues[2]).toBeLessThan(1e-3 * c.singularValues[0]);
  });
});
