/** Small requests of every analysis kind, for tests that run them all on a model with d = 2 and 28×28 images. */
import type { AnalysisKind, AnalysisRequestOf } from '../../protocol';

const D = 28 * 28;
const half = Uint8Array.from({ length: D }, (_, i) => (i < D / 2 ? 1 : 0));

/**
 * One small request per analysis kind. Typed over every AnalysisKind, so a kind added to the
 * protocol without a line here does not compile: each new analysis gets its leak check
 * (faults/analysisLeaks.test.ts) and its sync-read check (faults/syncReads.test.ts).
 */
export const SMALL: { [K in AnalysisKind]: AnalysisRequestOf<K> } = {
  encode: { kind: 'encode', split: 'test', limit: 20 },
  gmm: { kind: 'gmm', source: 'latent', limit: 60, pool: 4, components: 3, covariance: 'full', maxIter: 5, tol: 1e-6, seed: 1 },
  probe: { kind: 'probe', input: 'latent', trainLimit: 60, valLimit: 20, hidden: 8, epochs: 1, batchSize: 20, learningRate: 0.01, seed: 1 },
  iwae: { kind: 'iwae', split: 'test', limit: 8, samples: 5, seed: 1 },
  memory: { kind: 'memory' },
  testImages: { kind: 'testImages', count: 3, seed: 1 },
  complete: {
    kind: 'complete',
    pixels: new Float32Array(D).fill(0.5),
    mask: half,
    method: 'optimize',
    fill: 'mean',
    init: 'encoder',
    steps: 4,
    learningRate: 0.05,
    mcSamples: 2,
    samples: 2,
    seed: 1,
  },
  amortizationGap: { kind: 'amortizationGap', count: 2, seed: 1, init: 'random', steps: 3, learningRate: 0.1, mcSamples: 2 },
  reconstruct: { kind: 'reconstruct', select: { by: 'random', count: 4, seed: 1 }, latent: 'sample', seed: 1 },
  priorSamples: { kind: 'priorSamples', count: 4, cols: 2, temperature: 1, seed: 1, output: 'sample' },
  decodeLatents: { kind: 'decodeLatents', latents: Float32Array.of(0, 0, 1, -1), count: 2, output: 'mean', seed: 1 },
  interpolate: { kind: 'interpolate', pairs: [[0, 1]], steps: 3, method: 'spherical', ends: 'decoded' },
  latentScatter: { kind: 'latentScatter', limit: 30 },
  manifold: { kind: 'manifold', size: 3 },
  drawingCode: {
    kind: 'drawingCode',
    pixels: new Float32Array(D).fill(0.3),
    mask: half,
    fill: 'mean',
    plane: { axes: 'latent', mean: new Float32Array(2), components: Float32Array.of(1, 0, 0, 1), explained: Float32Array.of(0.5, 0.5) },
    limit: 30,
    neighbours: 5,
  },
  collapse: { kind: 'collapse', limit: 30 },
  limitingChain: { kind: 'limitingChain', count: 2, cols: 2, steps: 3, seed: 1, show: 'sample' },
};
