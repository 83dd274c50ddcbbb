import * as tf from './tf';
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import { loadTrainingData } from './data';
import { TrainingSession, type TrainingData } from './session';
import { useTestBackend } from './testing/tfSetup';

beforeAll(useTestBackend);

/** 24 RGB images of 12×12: red, green or blue squares on black, by label. */
function rgbData(): TrainingData {
  const n = 24;
  const px = 12 * 12 * 3;
  const images = new Uint8Array(n * px);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 3);
  for (let i = 0; i < n; i++) {
    for (let y = 3; y < 9; y++) for (let x = 3; x < 9; x++) images[i * px + (y * 12 + x) * 3 + labels[i]] = 255;
  }
  const split = { images, labels, count: n };
  return { shape: [12, 12, 3], train: split, test: { ...split } };
}

describe('models on 3-channel images', () => {
  for (const architecture of ['mlp', 'conv'] as const) {
    it(`${architecture}: trains and shows colour reconstructions`, async () => {
      const before = tf.memory().numTensors;
      const s = new TrainingSession({ ...DEFAULT_CONFIG, architecture, hidden: [32], convChannels: [8, 16], latentDim: 4, batchSize: 8, learningRate: 0.005 }, rgbData());
      expect(s.inputDim).toBe(432);
      const first = s.trainStep();
      for (let i = 0; i < 20; i++) expect(s.trainStep().ok).toBe(true);
      const last = s.trainStep();
      expect(last.terms.nelbo).toBeLessThan(first.terms.nelbo);
      const grid = await s.reconstructions();
      expect(grid).toMatchObject({ channels: 3, width: 12, height: 12 });
      expect(grid.pixels.length).toBe(grid.count * 432);
      // The originals in the grid keep their colour: a red square has R = 255 and G = B = 0.
      const red = grid.pixels.subarray(0, 432);
      const centre = (6 * 12 + 6) * 3;
      expect([red[centre], red[centre + 1], red[centre + 2]]).toEqual([255, 0, 0]);
      s.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('worker data loading', () => {
  it('generates procedural shapes in the worker from the dataset id, with progress', async () => {
    const progress: number[] = [];
    const { data, info } = await loadTrainingData('shapes-32px-300-seed4', 'unused/manifest.json', (_l, done, total) => progress.push(done / total));
    expect(data.shape).toEqual([32, 32, 1]);
    expect(data.train.count).toBe(300);
    expect(data.test.count).toBe(50);
    expect(info.name).toMatch(/Shapes/);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a shapes id out of range with a message naming the dataset', async () => {
    await expect(loadTrainingData('shapes-28px-100000-seed1', 'm.json', () => {})).rejects.toThrow(/Dataset "shapes-28px-100000-seed1": the number of training images must be from 30 to 60,000/);
  });
});
