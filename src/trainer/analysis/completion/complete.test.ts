import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import type { CompletionPartial } from '../../../protocol';
import { lossTerms } from '../../model/loss';
import type { TrainingSession } from '../../session';
import { useTestBackend } from '../../testing/tfSetup';
import { amortizationGap } from './amortizationGap';
import { complete } from './complete';
import { partialElbo } from './latentFit';
import { testPixels } from './testImages';
import { completionRequest, leftHalf, recordingContext, trainedSession } from '../../testing/trainedSession';

let session: TrainingSession;
const D = 784;
const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;

beforeAll(async () => {
  await useTestBackend();
  session = trainedSession(300);
});
afterAll(() => session.dispose());

describe('partial ELBO', () => {
  it('with every pixel observed is the ELBO the training loss reports, for the same draws', () => {
    const [elbo, nelbo] = tf.tidy(() => {
      const x = session.images('test', 0, 5);
      const { mu, logvar } = session.model.encode(x);
      const eps = tf.randomNormal<tf.Rank.R2>([5, 8], 0, 1, 'float32', 3);
      const t = lossTerms(session.parts, x, eps, 1);
      const e = partialElbo(session.parts, x, tf.ones([1, D]), mu, logvar, tf.reshape(eps, [1, 5, 8]) as tf.Tensor3D);
      return [tf.mean(e).dataSync()[0], tf.add(t.recon, t.kl).dataSync()[0]];
    });
    expect(elbo).toBeCloseTo(-nelbo, 2);
  });
});

describe('amortization gap on a trained model', () => {
  it('per-image optimisation reaches an ELBO at least as high as the encoder’s, from either start', async () => {
    for (const init of ['encoder', 'random'] as const) {
      const { ctx, progress } = recordingContext(session);
      const r = (await amortizationGap({ kind: 'amortizationGap', count: 10, seed: 7, init, steps: 150, learningRate: 0.1, mcSamples: 4 }, ctx)).result;
      expect(r.count).toBe(10);
      expect(new Set(r.indices).size).toBe(10);
      const gaps = Array.from(r.optimized, (v, i) => v - r.encoder[i]);
      expect(gaps.every(Number.isFinite)).toBe(true);
      // ≥ 0 on average; a single image may fall short by Monte Carlo noise only.
      expect(mean(gaps)).toBeGreaterThan(0);
      expect(Math.min(...gaps)).toBeGreaterThan(-3);
      // The images come back as original, encoder reconstruction, optimised reconstruction.
      expect(Array.from(r.images.subarray(0, D))).toEqual(Array.from(testPixels(session, [r.indices[0]])));
      expect(r.images.length).toBe(3 * 10 * D);
      expect(progress.at(-1)).toEqual([expect.any(String), 150, 150]);
    }
  });

  it('on a fully observed test image, the encoder-free completion scores at least the encoder’s ELBO', async () => {
    const ones = new Uint8Array(D).fill(1);
    for (const idx of [0, 1, 2]) {
      const pixels = testPixels(session, [idx]);
      const { ctx } = recordingContext(session);
      const amortized = (await complete(completionRequest(pixels, ones, { method: 'amortized' }), ctx)).result;
      const optimized = (await complete(completionRequest(pixels, ones, { init: 'random', steps: 150 }), ctx)).result;
      expect(optimized.elbo).toBeGreaterThan(amortized.elbo - 1);
    }
  });
});

describe('completing the right half from the left', () => {
  const mask = leftHalf();

  it('optimize: streams its curve and completion, keeps observed pixels exact and fills the rest', async () => {
    const pixels = testPixels(session, [3]);
    const { ctx, partials } = recordingContext(session);
    const r = (await complete(completionRequest(pixels, mask, { steps: 120 }), ctx)).result;
    expect(r.curve.length).toBe(120);
    expect(r.observed).toBe(14 * 28);
    // Curve: later steps score better than the first ones.
    expect(mean(r.curve.subarray(100))).toBeGreaterThan(mean(r.curve.subarray(0, 10)));
    const snaps = partials as ({ kind: string } & CompletionPartial)[];
    expect(snaps.length).toBeGreaterThan(0);
    expect(snaps.at(-1)!.step).toBe(120);
    expect(snaps.reduce((n, s) => n + s.elbo.length, 0)).toBe(120);
    expect(Array.from(snaps.at(-1)!.elbo)).toEqual(Array.from(r.curve.subarray(120 - snaps.at(-1)!.elbo.length)));
    for (let j = 0; j < D; j++) {
      if (mask[j]) expect(r.completion[j]).toBe(pixels[j]);
      else expect(r.completion[j]).toBe(r.decoded[j]);
    }
    const right = Array.from(r.completion).filter((_, j) => !mask[j]);
    expect(Math.max(...right)).toBeGreaterThan(0.5);
    expect(r.samples.length).toBe(3 * D);
    expect(r.sampleCount).toBe(3);
    // Samples are different plausible completions: observed pixels equal, unknown ones differ.
    expect(Array.from(r.samples.subarray(0, D)).filter((_, j) => mask[j])).toEqual(Array.from(pixels).filter((_, j) => mask[j]));
    expect(Array.from(r.samples.subarray(0, D))).not.toEqual(Array.from(r.samples.subarray(D, 2 * D)));
  });

  it('amortized: fills with zeros or the mean image, ignoring whatever the unknown pixels held', async () => {
    const pixels = testPixels(session, [4]);
    const scribbled = pixels.map((v, j) => (mask[j] ? v : 1 - v));
    const { ctx } = recordingContext(session);
    const a = (await complete(completionRequest(pixels, mask, { method: 'amortized' }), ctx)).result;
    const b = (await complete(completionRequest(scribbled, mask, { method: 'amortized' }), ctx)).result;
    expect(Array.from(b.decoded)).toEqual(Array.from(a.decoded));
    expect(a.curve.length).toBe(0);
    const m = (await complete(completionRequest(pixels, mask, { method: 'amortized', fill: 'mean' }), ctx)).result;
    expect(Array.from(m.decoded)).not.toEqual(Array.from(a.decoded));
    expect(Number.isFinite(m.elbo)).toBe(true);
  });

  it('refuses a malformed request, naming the field', async () => {
    const { ctx } = recordingContext(session);
    const pixels = testPixels(session, [0]);
    await expect(complete(completionRequest(pixels.subarray(0, 100), mask), ctx)).rejects.toThrow(/complete\.pixels: 100 values, but the model takes 784/);
    await expect(complete(completionRequest(pixels, mask, { steps: 0 }), ctx)).rejects.toThrow(/complete\.steps/);
    await expect(complete(completionRequest(pixels, mask, { learningRate: -1 }), ctx)).rejects.toThrow(/complete\.learningRate/);
  });
});
