/**
 * Opt-in benchmark (skipped unless VAE_BENCH=1; about a minute or two on two cores):
 *   VAE_BENCH=1 npx vitest run src/trainer/analysis/completion/completion.bench.test.ts
 * Trains the app's default MLP VAE (784-400-20, Bernoulli, Adam 1e-3, batch 128) on the first
 * 10,000 MNIST training digits, then completes 50 test digits from their left halves, and asks a
 * classifier-free question: is the nearest training image (by pixels) of the completion of the
 * same digit? Baselines: the nearest neighbour by the left half alone, and chance (≈ 10 %).
 * Env: VAE_BENCH_EPOCHS (default 8), VAE_BENCH_STEPS (Adam steps per completion, default 300).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../config/experiment';
import { TrainingSession } from '../../session';
import { mnistSubset } from '../../testing/mnistSubset';
import { useTestBackend } from '../../testing/tfSetup';
import { complete } from './complete';
import { pickTestIndices, testPixels } from './testImages';
import { completionRequest, leftHalf, recordingContext } from '../../testing/trainedSession';

const D = 784;

/** Label of the training image nearest to `img` over the pixels where `use` is 1. */
function nearestLabel(img: Float32Array, train: { images: Uint8Array; labels: Uint8Array; count: number }, use: Uint8Array): number {
  let best = Infinity;
  let label = -1;
  for (let i = 0; i < train.count; i++) {
    let d = 0;
    for (let j = 0; j < D; j++) {
      if (!use[j]) continue;
      const diff = img[j] - train.images[i * D + j] / 255;
      d += diff * diff;
      if (d >= best) break;
    }
    if (d < best) {
      best = d;
      label = train.labels[i];
    }
  }
  return label;
}

describe.runIf(process.env.VAE_BENCH)('completion benchmark', () => {
  it('the completion of a left half is nearest to a training digit of the same class, most of the time', { timeout: 1_800_000 }, async () => {
    const backend = await useTestBackend();
    const epochs = Number(process.env.VAE_BENCH_EPOCHS ?? 8);
    const steps = Number(process.env.VAE_BENCH_STEPS ?? 300);
    const data = mnistSubset(10_000, 1_000);
    const session = new TrainingSession({ ...DEFAULT_CONFIG }, data);
    const t0 = performance.now();
    for (let i = 0; i < epochs * session.stepsPerEpoch; i++) session.trainStep();
    const trainSec = (performance.now() - t0) / 1000;
    const evalTerms = (await session.evalChunk(0)).terms;

    const mask = leftHalf();
    const all = new Uint8Array(D).fill(1);
    const right = mask.map((m) => 1 - m);
    const indices = pickTestIndices(session, 50, 2024);
    const hits = { optimize: 0, amortized: 0, optimizeRight: 0, leftOnly: 0 };
    const t1 = performance.now();
    for (const idx of indices) {
      const truth = data.test.labels[idx];
      const pixels = testPixels(session, [idx]);
      const { ctx } = recordingContext(session);
      const opt = (await complete(completionRequest(pixels, mask, { steps, learningRate: 0.05, samples: 0, seed: idx }), ctx)).result;
      const amo = (await complete(completionRequest(pixels, mask, { method: 'amortized', samples: 0 }), ctx)).result;
      hits.optimize += Number(nearestLabel(opt.completion, data.train, all) === truth);
      hits.amortized += Number(nearestLabel(amo.completion, data.train, all) === truth);
      hits.optimizeRight += Number(nearestLabel(opt.completion, data.train, right) === truth);
      hits.leftOnly += Number(nearestLabel(pixels, data.train, mask) === truth);
    }
    const completeSec = (performance.now() - t1) / 1000;
    const rate = (n: number) => `${n}/50 = ${((100 * n) / 50).toFixed(0)} %`;
    const report = [
      `model: MLP 784-400-20 Bernoulli, Adam 1e-3, batch 128, ${epochs} epochs of 10,000 digits (${session.step} steps, ${trainSec.toFixed(0)} s on ${backend}); test nELBO (first 500) ${evalTerms.nelbo.toFixed(1)} nats`,
      `completion: left half observed, encoder-free fit ${steps} Adam steps (lr 0.05, 4 draws/step, random start); 50 test digits in ${completeSec.toFixed(0)} s`,
      `nearest training digit (of 10,000, by all pixels) has the true label:`,
      `  encoder-free completion      ${rate(hits.optimize)}`,
      `  amortized completion (zeros) ${rate(hits.amortized)}`,
      `  encoder-free, right half only ${rate(hits.optimizeRight)}  (the filled-in pixels alone)`,
      `  baseline: left half alone     ${rate(hits.leftOnly)}; chance ≈ 10 %`,
    ].join('\n');
    process.stdout.write(`\n${report}\n`);
    expect(hits.optimize).toBeGreaterThan(25);
    session.dispose();
  });
});
