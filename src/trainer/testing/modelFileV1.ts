/**
 * The version-1 model file writer as it shipped (weights named w0, w1, …), kept so tests can
 * check that files saved before version 2 still load with the same weights.
 */
import { toBase64 } from '../checkpoint/base64';
import type { ModelFile } from '../checkpoint/modelFile';
import type { TensorBlob } from '../checkpoint/snapshot';

export function buildModelFileV1(parts: Omit<ModelFile, 'format' | 'version' | 'weightSpecs' | 'weightData' | 'savedAt' | 'generatedBy'>, weights: TensorBlob): string {
  return JSON.stringify({
    format: 'vae-playground-model',
    version: 1,
    savedAt: new Date().toISOString(),
    generatedBy: 'VAE Playground (TensorFlow.js 4.22)',
    ...parts,
    weightSpecs: weights.specs.map((s, i) => ({ name: `w${i}`, shape: [...s.shape], dtype: 'float32' })),
    weightData: toBase64(weights.data),
  });
}
