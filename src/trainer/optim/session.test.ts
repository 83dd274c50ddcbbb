import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const data = mnistSubset(160, 20);
const small: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [48], convChannels: [4, 8], latentDim: 5, batchSize: 16, learningRate: 3e-3 };

beforeAll(useTestBackend);

/** Losses of `steps` steps and the final weights, on the given backend. */
async function train(backend: string, config: ExperimentConfig, steps: number) {
  await tf.setBackend(backend);
  const s = new TrainingSession(config, data);
  try {
    const losses = Array.from({ length: steps }, () => s.trainStep().terms.loss!);
    return { losses, weights: s.model.variables.map((v) => Float32Array.from(v.dataSync())) };
  } finally {
    s.dispose();
  }
}

describe('the fast WASM training path (fused Adam, shared clones, heap batches, heap NaN check)', () => {
  it.each(['mlp', 'conv'] as const)('%s: follows the same loss curve and weights as stock tfjs on the CPU backend', async (architecture) => {
    const config = { ...small, architecture };
    const stock = await train('cpu', config, 12);
    const fast = await train('wasm', config, 12);
    expect(tf.getBackend()).toBe('wasm');
    // Only float32 summation order differs between the backends' kernels.
    fast.losses.forEach((l, i) => expect(Math.abs(l - stock.losses[i]) / stock.losses[i], `step ${i}`).toBeLessThan(1e-4));
    // The run moved far from the start, so a stale or skipped update would show.
    expect(stock.losses[11]).toBeLessThan(stock.losses[0] - 5);
    let num = 0;
    let den = 0;
    fast.weights.forEach((w, i) => w.forEach((x, j) => ((num = Math.max(num, Math.abs(x - stock.weights[i][j]))), (den = Math.max(den, Math.abs(stock.weights[i][j]))))));
    expect(num / den).toBeLessThan(1e-3);
  });

  it('drops a step with a non-finite gradient before it reaches the weights', async () => {
    await tf.setBackend('wasm');
    const s = new TrainingSession({ ...small, learningRate: 1e-3 }, data);
    try {
      s.trainStep();
      const before = s.model.variables.map((v) => Array.from(v.dataSync()));
      // A NaN weight makes every gradient downstream of it NaN; the step must be refused.
      const w = s.model.variables[2];
      const poisoned = w.dataSync().slice();
      poisoned[0] = NaN;
      w.assign(tf.tensor(poisoned, w.shape));
      before[2] = Array.from(poisoned);
      const r = s.trainStep();
      expect(r.ok).toBe(false);
      expect(s.model.variables.map((v) => Array.from(v.dataSync()))).toEqual(before);
    } finally {
      s.dispose();
    }
  });
});
