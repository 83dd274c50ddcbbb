import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { DEFAULT_CONFIG } from '../../../config/experiment';
import type { AnalysisKind, AnalysisRequest, AnalysisRequestOf, AnalysisResultOf } from '../../../protocol';
import { TrainerCore } from '../../core';
import { fakeHost } from '../../testing/fakeHost';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';

const data = mnistSubset(300, 600);
const D = 784;

beforeAll(async () => {
  await useTestBackend();
});

let nextId = 1;

/** A core with a model of latent size d after one training step, and a typed way to ask it things. */
async function trainedCore(latentDim: number) {
  const { host, of } = fakeHost(data);
  const core = new TrainerCore(host);
  await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, latentDim, hidden: [64] } });
  await core.handle({ type: 'step' });
  async function ask<K extends AnalysisKind>(request: AnalysisRequestOf<K>): Promise<AnalysisResultOf<K>> {
    const requestId = nextId++;
    await core.handle({ type: 'analyze', requestId, request: request as AnalysisRequest });
    const ok = of('analysisResult').find((e) => e.requestId === requestId);
    if (ok) return ok.result as unknown as AnalysisResultOf<K>;
    throw new Error(of('analysisError').find((e) => e.requestId === requestId)?.message ?? 'no answer');
  }
  return { core, of, ask };
}

const tile = (pixels: Uint8ClampedArray, i: number) => Array.from(pixels.subarray(i * D, (i + 1) * D));
const original = (i: number) => Array.from(data.test.images.subarray(i * D, (i + 1) * D));
const maxDiff = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('Explore analyses on a 2-D latent', () => {
  let m: Awaited<ReturnType<typeof trainedCore>>;
  let before = 0;
  beforeAll(async () => {
    m = await trainedCore(2);
    before = tf.memory().numTensors;
  });
  afterAll(async () => {
    // Every analysis above left the tensor count where it was.
    expect(tf.memory().numTensors).toBe(before);
    await m.core.handle({ type: 'reset' });
  });

  it('scatter: the latent itself, point for point the encoder means, with labels', async () => {
    const s = await m.ask({ kind: 'latentScatter', limit: 600 });
    const e = await m.ask({ kind: 'encode', split: 'test', limit: 600 });
    expect(s.plane.axes).toBe('latent');
    expect(s.count).toBe(600);
    expect(Array.from(s.points)).toEqual(Array.from(e.means));
    expect(Array.from(s.labels)).toEqual(Array.from(data.test.labels));
    expect(Array.from(s.plane.components)).toEqual([1, 0, 0, 1]);
    expect(s.plane.explained[0] + s.plane.explained[1]).toBeCloseTo(1, 5);
  });

  it('manifold: size² decoded images, the same as decoding the grid points directly', async () => {
    const g = await m.ask({ kind: 'manifold', size: 5 });
    expect(g.grid.count).toBe(25);
    expect(g.grid.cols).toBe(5);
    expect(g.axis[2]).toBeCloseTo(0, 6);
    const z = new Float32Array(50);
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) z.set([g.axis[c], g.axis[4 - r]], 2 * (r * 5 + c));
    const direct = await m.ask({ kind: 'decodeLatents', latents: z, count: 25, output: 'mean', seed: 1 });
    expect(maxDiff(Array.from(direct.grid.pixels), Array.from(g.grid.pixels))).toBeLessThanOrEqual(1);
  });

  it('interpolation: k + 2 images per row; the ends are the picks, or decode exactly the endpoint codes', async () => {
    const pairs: [number, number][] = [
      [0, 1],
      [2, 3],
    ];
    const orig = await m.ask({ kind: 'interpolate', pairs, steps: 4, method: 'linear', ends: 'originals' });
    expect(orig.grid.count).toBe(12);
    expect(orig.grid.cols).toBe(6);
    expect(tile(orig.grid.pixels, 0)).toEqual(original(0));
    expect(tile(orig.grid.pixels, 5)).toEqual(original(1));
    expect(tile(orig.grid.pixels, 6)).toEqual(original(2));
    expect(tile(orig.grid.pixels, 11)).toEqual(original(3));

    const means = (await m.ask({ kind: 'encode', split: 'test', limit: 4 })).means;
    const ends = await m.ask({ kind: 'decodeLatents', latents: means, count: 4, output: 'mean', seed: 1 });
    for (const method of ['linear', 'spherical'] as const) {
      const dec = await m.ask({ kind: 'interpolate', pairs, steps: 4, method, ends: 'decoded' });
      expect(maxDiff(tile(dec.grid.pixels, 0), tile(ends.grid.pixels, 0))).toBe(0);
      expect(maxDiff(tile(dec.grid.pixels, 5), tile(ends.grid.pixels, 1))).toBe(0);
      expect(maxDiff(tile(dec.grid.pixels, 11), tile(ends.grid.pixels, 3))).toBe(0);
      // In between, the path leaves the ends.
      expect(maxDiff(tile(dec.grid.pixels, 2), tile(ends.grid.pixels, 0))).toBeGreaterThan(0);
    }
    await expect(m.ask({ kind: 'interpolate', pairs: [], steps: 4, method: 'linear', ends: 'originals' })).rejects.toThrow(/Pick two/);
    await expect(m.ask({ kind: 'interpolate', pairs: [[0, 9999]], steps: 4, method: 'linear', ends: 'originals' })).rejects.toThrow(/test image index/);
  });

  it('decodeLatents refuses points of the wrong size, naming the latent dimension', async () => {
    await expect(m.ask({ kind: 'decodeLatents', latents: new Float32Array(3), count: 1, output: 'mean', seed: 1 })).rejects.toThrow(/2 values each/);
  });
});

describe('Explore analyses on a 5-D latent', () => {
  let m: Awaited<ReturnType<typeof trainedCore>>;
  let before = 0;
  beforeAll(async () => {
    m = await trainedCore(5);
    before = tf.memory().numTensors;
  });
  afterAll(async () => {
    expect(tf.memory().numTensors).toBe(before);
    await m.core.handle({ type: 'reset' });
  });

  it('scatter: the first two principal axes, variance shares in order, kept pointing the previous way', async () => {
    const s = await m.ask({ kind: 'latentScatter', limit: 500 });
    expect(s.plane.axes).toBe('pca');
    expect(s.dim).toBe(5);
    expect(s.points.length).toBe(1000);
    expect(s.plane.explained[0]).toBeGreaterThanOrEqual(s.plane.explained[1]);
    expect(s.plane.explained[0] + s.plane.explained[1]).toBeLessThanOrEqual(1 + 1e-6);
    // A point's coordinates are its centred mean's projections on the axes.
    const e = await m.ask({ kind: 'encode', split: 'test', limit: 1 });
    const u = e.means.reduce((acc, v, i) => acc + (v - s.plane.mean[i]) * s.plane.components[i], 0);
    expect(s.points[0]).toBeCloseTo(u, 4);
    const flipped = Float32Array.from(s.plane.components, (v) => -v);
    const again = await m.ask({ kind: 'latentScatter', limit: 500, previousAxes: flipped });
    expect(again.plane.components[0]).toBeCloseTo(-s.plane.components[0], 5);
    expect(again.points[0]).toBeCloseTo(-s.points[0], 4);
  });

  it('collapse: per-dimension KL, active units and singular values with their shares', async () => {
    const c = await m.ask({ kind: 'collapse', limit: 500 });
    expect(c.count).toBe(500);
    expect(c.klPerDim.length).toBe(5);
    expect(c.klPerDim.every((v) => v >= 0)).toBe(true);
    expect(c.activeUnits).toBe(Array.from(c.activity).filter((v) => v > 0.01).length);
    expect(c.singularValues[0]).toBeGreaterThanOrEqual(c.singularValues[4]);
    expect(c.explained.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('prior samples: temperature 0 decodes z = 0 everywhere; a bad temperature is named', async () => {
    const cold = await m.ask({ kind: 'priorSamples', count: 100, cols: 10, temperature: 0, seed: 3, output: 'mean' });
    expect(cold.grid.count).toBe(100);
    expect(cold.grid.cols).toBe(10);
    expect(tile(cold.grid.pixels, 57)).toEqual(tile(cold.grid.pixels, 0));
    const warm = await m.ask({ kind: 'priorSamples', count: 100, cols: 10, temperature: 1, seed: 3, output: 'mean' });
    expect(maxDiff(tile(warm.grid.pixels, 57), tile(warm.grid.pixels, 0))).toBeGreaterThan(0);
    const same = await m.ask({ kind: 'priorSamples', count: 100, cols: 10, temperature: 1, seed: 3, output: 'mean' });
    expect(Array.from(same.grid.pixels)).toEqual(Array.from(warm.grid.pixels));
    const drawn = await m.ask({ kind: 'priorSamples', count: 4, cols: 2, temperature: 1, seed: 3, output: 'sample' });
    expect(Array.from(drawn.grid.pixels).every((v) => v === 0 || v === 255)).toBe(true);
    await expect(m.ask({ kind: 'priorSamples', count: 100, cols: 10, temperature: -1, seed: 3, output: 'mean' })).rejects.toThrow(/Temperature/);
  });

  it('reconstructions: by class, by index, at the mean or a draw', async () => {
    const byClass = await m.ask({ kind: 'reconstruct', select: { by: 'label', label: 3, count: 4, seed: 1 }, latent: 'mean', seed: 1 });
    expect(Array.from(byClass.labels)).toEqual([3, 3, 3, 3]);
    expect(byClass.grid.count).toBe(8);
    expect(tile(byClass.grid.pixels, 0)).toEqual(original(byClass.indices[0]));
    const mean = await m.ask({ kind: 'reconstruct', select: { by: 'indices', indices: [5, 6] }, latent: 'mean', seed: 1 });
    const draw = await m.ask({ kind: 'reconstruct', select: { by: 'indices', indices: [5, 6] }, latent: 'sample', seed: 1 });
    expect(Array.from(mean.indices)).toEqual([5, 6]);
    expect(tile(draw.grid.pixels, 0)).toEqual(tile(mean.grid.pixels, 0));
    expect(maxDiff(tile(draw.grid.pixels, 1), tile(mean.grid.pixels, 1))).toBeGreaterThan(0);
    const random = await m.ask({ kind: 'reconstruct', select: { by: 'random', count: 6, seed: 9 }, latent: 'mean', seed: 1 });
    expect(new Set(random.indices).size).toBe(6);
  });

  it('manifold needs d = 2 and says how to get it', async () => {
    await expect(m.ask({ kind: 'manifold', size: 5 })).rejects.toThrow(/Latent dimension to 2/);
  });

  it('limiting chain: steps + 1 frames, reproducible for a seed, and cancellable without leaks', async () => {
    const a = await m.ask({ kind: 'limitingChain', count: 4, cols: 2, steps: 6, seed: 2, show: 'sample' });
    expect(a.frameCount).toBe(7);
    expect(a.frames.length).toBe(7 * 4 * D);
    expect(a.grid).toMatchObject({ count: 4, cols: 2, width: 28, height: 28, channels: 1 });
    const b = await m.ask({ kind: 'limitingChain', count: 4, cols: 2, steps: 6, seed: 2, show: 'sample' });
    expect(Array.from(b.frames)).toEqual(Array.from(a.frames));
    const frame = (t: number) => Array.from(a.frames.subarray(t * 4 * D, (t + 1) * 4 * D));
    expect(maxDiff(frame(0), frame(6))).toBeGreaterThan(0);
    const mean = await m.ask({ kind: 'limitingChain', count: 4, cols: 2, steps: 2, seed: 2, show: 'mean' });
    expect(Array.from(mean.frames).some((v) => v > 0 && v < 255)).toBe(true);

    const requestId = nextId++;
    const run = m.core.handle({ type: 'analyze', requestId, request: { kind: 'limitingChain', count: 20, cols: 5, steps: 200, seed: 1, show: 'sample' } });
    await m.core.handle({ type: 'cancelAnalysis', requestId });
    await run;
    expect(m.of('analysisError').find((e) => e.requestId === requestId)).toMatchObject({ cancelled: true });
  });
});
