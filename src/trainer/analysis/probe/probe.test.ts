import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { mulberry32 } from '../../random';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import type { TrainingSession } from '../../session';
import { seededRng } from '../gmm/random';
import { recordingContext, trainedSession } from '../../testing/statsSession';
import { probe } from './handler';
import { trainProbe } from './train';

beforeAll(async () => {
  await useTestBackend();
});

/** Points in 6-D labelled by the largest of three fixed linear scores, keeping a margin. */
function separable(n: number, seed: number) {
  const rng = seededRng(seed);
  const W = Array.from({ length: 3 }, (_, c) => Array.from({ length: 6 }, (_, j) => Math.sin(7 * c + 3 * j + 1)));
  const x: number[] = [];
  const y: number[] = [];
  while (y.length < n) {
    const p = Array.from({ length: 6 }, () => rng.normal());
    const s = W.map((w) => w.reduce((a, wj, j) => a + wj * p[j], 0)).map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
    if (s[0][0] - s[1][0] < 0.3) continue;
    x.push(...p);
    y.push(s[0][1]);
  }
  return { x: Float32Array.from(x), y: Uint8Array.from(y) };
}

describe('classifier probe', () => {
  it('learns a linearly separable synthetic set to > 95% validation accuracy, streams its curve and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const tr = separable(1000, 1);
    const va = separable(500, 2);
    const trainX = tf.tensor2d(tr.x, [1000, 6]);
    const valX = tf.tensor2d(va.x, [500, 6]);
    const seen: number[] = [];
    const { points, accuracy } = await trainProbe(
      { trainX, trainY: tr.y, valX, valY: va.y, classes: 3 },
      { hidden: 64, epochs: 6, batchSize: 50, learningRate: 1e-2, seed: 3 },
      { point: (p) => seen.push(p.valAccuracy) },
    );
    tf.dispose([trainX, valX]);
    expect(tf.memory().numTensors).toBe(before);
    expect(accuracy).toBeGreaterThan(0.95);
    expect(seen).toEqual(points.map((p) => p.valAccuracy));
    expect(points.length).toBe(6 * 4);
    expect(points.at(-1)!.epoch).toBeCloseTo(6, 9);
    expect(points.at(-1)!.trainLoss).toBeLessThan(points[0].trainLoss);
  });

  it('stays at chance on labels that are independent of the features', async () => {
    const r = mulberry32(5);
    const x = tf.randomNormal<tf.Rank.R2>([600, 4], 0, 1, 'float32', 1);
    const v = tf.randomNormal<tf.Rank.R2>([2000, 4], 0, 1, 'float32', 2);
    const { accuracy } = await trainProbe(
      { trainX: x, trainY: Uint8Array.from({ length: 600 }, () => Math.floor(r() * 4)), valX: v, valY: Uint8Array.from({ length: 2000 }, () => Math.floor(r() * 4)), classes: 4 },
      { hidden: 16, epochs: 2, batchSize: 64, learningRate: 1e-3, seed: 1 },
    );
    tf.dispose([x, v]);
    expect(accuracy).toBeLessThan(0.32);
  });
});

describe('probe analysis on a trained model', () => {
  let session: TrainingSession;
  beforeAll(() => {
    session = trainedSession(mnistSubset(600, 200), 40);
  });
  afterAll(() => session.dispose());

  it.each(['latent', 'pixels'] as const)('probes %s with streamed points, and leaks nothing', async (input) => {
    const { ctx, partials, progress } = recordingContext(session);
    const before = tf.memory().numTensors;
    const { result: r } = await probe({ kind: 'probe', input, trainLimit: 600, valLimit: 200, hidden: 64, epochs: 3, batchSize: 32, learningRate: 1e-2, seed: 1 }, ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.dim).toBe(input === 'latent' ? 8 : 784);
    expect(r.trainCount).toBe(600);
    expect(r.valCount).toBe(200);
    expect(partials.length).toBe(r.points.length);
    expect(partials.every((p) => p.kind === 'probe' && p.input === input)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    // Well above chance (10%) for both, even for a barely trained encoder and 600 images.
    expect(r.accuracy).toBeGreaterThan(input === 'latent' ? 0.25 : 0.5);
  });

  it('names the field of a bad request', async () => {
    const { ctx } = recordingContext(session);
    await expect(probe({ kind: 'probe', input: 'latent', trainLimit: 600, valLimit: 200, hidden: 64, epochs: 0, batchSize: 32, learningRate: 1e-3, seed: 1 }, ctx)).rejects.toThrow(/probe\.epochs/);
  });
});
