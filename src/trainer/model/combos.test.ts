import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { ARCHITECTURES, DEFAULT_CONFIG, LIKELIHOOD_IDS, OBJECTIVE_IDS, type ExperimentConfig } from '../../config/experiment';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const data = mnistSubset(256, 32);
const small: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [32], convChannels: [4, 8], latentDim: 4, batchSize: 16, beta: 2 };
const combos = ARCHITECTURES.flatMap((architecture) =>
  LIKELIHOOD_IDS.flatMap((likelihood) => OBJECTIVE_IDS.map((objective) => ({ architecture, likelihood, objective }))),
);

beforeAll(async () => {
  await useTestBackend();
});

describe('every architecture × likelihood × objective', () => {
  it.each(combos)('$architecture + $likelihood + $objective trains 50 steps with finite losses and no leaks', async (c) => {
    const s = new TrainingSession({ ...small, ...c }, data);
    try {
      const first = s.trainStep();
      const tensors = tf.memory().numTensors;
      const losses = [first.terms.loss!];
      for (let i = 1; i < 50; i++) {
        const r = s.trainStep();
        expect(r.ok, `step ${i}: ${JSON.stringify(r.terms)}`).toBe(true);
        losses.push(r.terms.loss!);
      }
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(tf.memory().numTensors).toBe(tensors);
      expect(s.model.variables.every((v) => v.dataSync().every(Number.isFinite))).toBe(true);
      const test = (await s.evalChunk(0)).terms;
      expect([test.nelbo, test.recon, test.kl].every(Number.isFinite)).toBe(true);
      expect((await s.samples()).pixels.length).toBe(64 * 784);
    } finally {
      s.dispose();
    }
  });
});
