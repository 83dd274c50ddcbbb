import type { ExperimentConfig } from './experiment';
import { paramCount, type ImageShape } from './paramCount';
import { paramsPerPixel } from './likelihoodParams';

/**
 * What training a config costs in memory, known before TensorFlow.js loads, so a model that
 * would exhaust the tab (a 10,000-unit layer, a 256-level categorical decoder on wide layers) is
 * refused with a number instead of crashing the worker or the GPU process.
 */
export const MEMORY_BUDGET_BYTES = 1024 ** 3;

/** Per trainable scalar: the weight, its gradient, and Adam's two moment estimates (float32 each). */
const BYTES_PER_PARAM = 16;

/** Outputs of every layer for one image, kept from the forward pass for the backward pass. */
function activationsPerImage(config: ExperimentConfig, shape: ImageShape): number {
  const [h, w, c] = shape;
  const out = h * w * c * paramsPerPixel(config);
  if (config.architecture === 'mlp') return 2 * config.hidden.reduce((a, b) => a + b, 0) + 3 * config.latentDim + out;
  let [bh, bw] = [h, w];
  let maps = 0;
  for (const ch of config.convChannels) {
    [bh, bw] = [Math.ceil(bh / 2), Math.ceil(bw / 2)];
    maps += bh * bw * ch;
  }
  return 2 * maps + 3 * config.latentDim + out;
}

export interface MemoryEstimate {
  params: number;
  bytes: number;
}

/** Parameters and bytes to train `config` on images of `shape` (MNIST's by default): a lower bound. */
export function trainingMemory(config: ExperimentConfig, shape: ImageShape = [28, 28, 1]): MemoryEstimate {
  const params = paramCount(config, shape);
  // Activations are float32 and their gradients are as large again.
  const bytes = params * BYTES_PER_PARAM + config.batchSize * activationsPerImage(config, shape) * 4 * 2;
  return { params, bytes };
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GB`;
  return `${Math.max(1, Math.round(n / 1024 ** 2))} MB`;
}

/** The sentence naming the estimate, for messages. */
export function memoryText(e: MemoryEstimate): string {
  return `${e.params.toLocaleString('en')} parameters, about ${formatBytes(e.bytes)} of memory to train`;
}
