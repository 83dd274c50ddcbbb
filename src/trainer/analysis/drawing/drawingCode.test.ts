import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf';
import { DEFAULT_CONFIG } from '../../../config/experiment';
import type { AnalysisKind, AnalysisRequest, AnalysisRequestOf, AnalysisResultOf } from '../../../protocol';
import { TrainerCore } from '../../core';
import { fakeHost } from '../../testing/fakeHost';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import { nearestLabels } from './neighbours';

const data = mnistSubset(300, 400);
const D = 784;

beforeAll(async () => {
  await useTestBackend();
});

let nextId = 1;
async function trainedCore(latentDim: number) {
  const { host, of } = fakeHost(data);
  const core = new TrainerCore(host);
  await core.handle({ type: 'setConfig', config: { ...DEFAULT_CONFIG, latentDim, hidden: [64] } });
  for (let i = 0; i < 3; i++) await core.handle({ type: 'step' });
  async function ask<K extends AnalysisKind>(request: AnalysisRequestOf<K>): Promise<AnalysisResultOf<K>> {
    const requestId = nextId++;
    await core.handle({ type: 'analyze', requestId, request: request as AnalysisRequest });
    const ok = of('analysisResult').find((e) => e.requestId === requestId);
    if (ok) return ok.result as unknown as AnalysisResultOf<K>;
    throw new Error(of('analysisError').find((e) => e.requestId === requestId)?.message ?? 'no answer');
  }
  return { core, ask };
}

const testImage = (i: number) => Float32Array.from(data.test.images.subarray(i * D, (i + 1) * D), (v) => v / 255);
const all = new Uint8Array(D).fill(1);

describe('nearestLabels', () => {
  it('shares add to 1 and count the k nearest by Euclidean distance', () => {
    // Codes on a line at 0..9 labelled by parity; the 4 nearest to 2.2 are 2, 3, 1, 4.
    const codes = Float32Array.from({ length: 10 }, (_, i) => i);
    const labels = Uint8Array.from({ length: 10 }, (_, i) => i % 2);
    const { indices, shares } = nearestLabels(Float32Array.of(2.2), codes, labels, 10, 1, 4, 10);
    expect(Array.from(indices)).toEqual([2, 3, 1, 4]);
    expect(shares[0]).toBeCloseTo(0.5, 6);
    expect(shares[1]).toBeCloseTo(0.5, 6);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it('with k above the count uses every code', () => {
    const { indices, shares } = nearestLabels(Float32Array.of(0, 0), Float32Array.of(1, 0, 0, 3, 2, 2), Uint8Array.of(7, 1, 7), 3, 2, 50, 10);
    expect(indices.length).toBe(3);
    expect(shares[7]).toBeCloseTo(2 / 3, 6);
    expect(shares[1]).toBeCloseTo(1 / 3, 6);
  });
});

describe.each([2, 8])('drawingCode on a %i-D latent', (latentDim) => {
  it('lands a fully observed test image where the scatter puts it, with shares adding to 1 and no leaked tensor', async () => {
    const { core, ask } = await trainedCore(latentDim);
    const scatter = await ask({ kind: 'latentScatter', limit: 400 });
    expect(scatter.plane.axes).toBe(latentDim === 2 ? 'latent' : 'pca');
    const req = { kind: 'drawingCode', mask: all, fill: 'mean', plane: scatter.plane, limit: 400, neighbours: 20 } as const;
    await ask({ ...req, pixels: testImage(5) }); // warm-up: kernels and the cached test codes
    const before = tf.memory().numTensors;
    for (const i of [5, 17]) {
      const r = await ask({ ...req, pixels: testImage(i) });
      expect(r.point[0]).toBeCloseTo(scatter.points[2 * i], 4);
      expect(r.point[1]).toBeCloseTo(scatter.points[2 * i + 1], 4);
      expect(r.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      // The image is itself a test code: its own index is the nearest.
      expect(r.neighbours[0]).toBe(i);
      expect(r.neighbours.length).toBe(20);
    }
    expect(tf.memory().numTensors).toBe(before);
    await core.handle({ type: 'reset' });
  });
});

describe('drawingCode input checks', () => {
  it('names the field at fault', async () => {
    const { core, ask } = await trainedCore(2);
    const plane = { axes: 'latent' as const, mean: new Float32Array(2), components: Float32Array.of(1, 0, 0, 1), explained: Float32Array.of(0.5, 0.5) };
    await expect(ask({ kind: 'drawingCode', pixels: new Float32Array(10), mask: all, fill: 'zeros', plane, limit: 10, neighbours: 3 })).rejects.toThrow(/drawingCode\.pixels/);
    await expect(ask({ kind: 'drawingCode', pixels: testImage(0), mask: all, fill: 'zeros', plane: { ...plane, mean: new Float32Array(3) }, limit: 10, neighbours: 3 })).rejects.toThrow(/drawingCode\.plane/);
    await expect(ask({ kind: 'drawingCode', pixels: testImage(0), mask: all, fill: 'zeros', plane, limit: 10, neighbours: 0 })).rejects.toThrow(/drawingCode\.neighbours/);
    await core.handle({ type: 'reset' });
  });
});
