/**
 * Opt-in benchmark for the models and statistics issues (skipped unless VAE_BENCH=1), in Node on WASM
 * with the app's own training code; `npm run bench:models` runs it (tens of minutes on two cores):
 * - per likelihood, the test nELBO of the default MLP VAE (784-400-20, Adam 1e-3, batch 128) after
 *   5 epochs of the full MNIST training set;
 * - the default (Bernoulli) model after 10 epochs: test ELBO, the IWAE bound with k = 5000 on the
 *   first VAE_BENCH_IWAE_N test digits (default 1,000), and probe accuracies on latents vs pixels.
 * VAE_BENCH_PARTS=likelihoods,stats picks the parts. Writes bench-results/models.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIKELIHOOD_IDS, type ExperimentConfig } from '../../config/experiment';
import { recordingContext } from '../testing/trainedSession';
import { iwae } from '../analysis/iwae/handler';
import { probe } from '../analysis/probe/handler';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const parts = (process.env.VAE_BENCH_PARTS ?? 'likelihoods,stats').split(',');
const iwaeImages = Number(process.env.VAE_BENCH_IWAE_N ?? 1000);
const report: Record<string, unknown> = { date: new Date().toISOString() };
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Test nELBO (nats per image) over the whole test split, count-weighted over the eval chunks. */
async function testNelbo(session: TrainingSession): Promise<number> {
  let sum = 0;
  let n = 0;
  for (let c = 0; c < session.evalChunks; c++) {
    const { terms, count } = await session.evalChunk(c);
    sum += terms.nelbo * count;
    n += count;
  }
  return sum / n;
}

function train(config: Partial<ExperimentConfig>, epochs: number): { session: TrainingSession; seconds: number } {
  const session = new TrainingSession({ ...DEFAULT_CONFIG, ...config }, mnistSubset(Number(process.env.VAE_BENCH_TRAIN_N ?? 60_000), 10_000));
  const t0 = performance.now();
  for (let i = 0; i < epochs * session.stepsPerEpoch; i++) session.trainStep();
  return { session, seconds: (performance.now() - t0) / 1000 };
}

function save() {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/models.json', JSON.stringify(report, null, 2));
}

describe.runIf(process.env.VAE_BENCH)('models and statistics benchmark', () => {
  it.runIf(parts.includes('likelihoods'))('test nELBO per likelihood after 5 epochs', { timeout: 7_200_000 }, async () => {
    report.backend = await useTestBackend();
    const rows: { likelihood: string; testNelbo: number; seconds: number; imagesPerSec: number }[] = [];
    log('\n| likelihood | test nELBO after 5 epochs (nats/image) | training time | images/s |\n|---|---|---|---|');
    for (const likelihood of LIKELIHOOD_IDS) {
      const { session, seconds } = train({ likelihood }, 5);
      const row = { likelihood, testNelbo: await testNelbo(session), seconds, imagesPerSec: (session.step * DEFAULT_CONFIG.batchSize) / seconds };
      session.dispose();
      rows.push(row);
      log(`| ${likelihood} | ${row.testNelbo.toFixed(1)} | ${seconds.toFixed(0)} s | ${row.imagesPerSec.toFixed(0)} |`);
      report.likelihoods = rows;
      save();
    }
    expect(rows.every((r) => Number.isFinite(r.testNelbo))).toBe(true);
  });

  it.runIf(parts.includes('stats'))('IWAE k = 5000 and probes after 10 epochs of the default model', { timeout: 7_200_000 }, async () => {
    report.backend = await useTestBackend();
    const { session, seconds } = train({}, 10);
    const elbo = -(await testNelbo(session));
    log(`\ndefault MLP VAE, 10 epochs in ${seconds.toFixed(0)} s: test ELBO ${elbo.toFixed(2)} nats (all 10,000 test digits)`);
    const { ctx } = recordingContext(session);
    const t0 = performance.now();
    const iw = (await iwae({ kind: 'iwae', split: 'test', limit: iwaeImages, samples: 5000, seed: 1 }, ctx)).result;
    const iwSec = (performance.now() - t0) / 1000;
    log(`IWAE k = 5000 on the first ${iw.count} test digits: ${iw.iwae.toFixed(2)} ± ${iw.iwaeStdErr.toFixed(2)} nats; ELBO from the same samples ${iw.elbo.toFixed(2)} ± ${iw.elboStdErr.toFixed(2)}; gap ${iw.gap.toFixed(2)} ± ${iw.gapStdErr.toFixed(2)} (${iwSec.toFixed(0)} s)`);
    const probeReq = { kind: 'probe' as const, trainLimit: 10_000, valLimit: 2000, hidden: 64, epochs: 5, batchSize: 64, learningRate: 0.001, seed: 1 };
    const latent = (await probe({ ...probeReq, input: 'latent' }, ctx)).result;
    const pixels = (await probe({ ...probeReq, input: 'pixels' }, ctx)).result;
    log(`probe (64 relu units, 5 epochs on 10,000 training digits, 2,000 held-out test digits): latent ${(100 * latent.accuracy).toFixed(1)} %, pixels ${(100 * pixels.accuracy).toFixed(1)} %`);
    report.stats = { trainSeconds: seconds, testElbo: elbo, iwae: { ...iw, seconds: iwSec }, probe: { latent: latent.accuracy, pixels: pixels.accuracy } };
    save();
    session.dispose();
    expect(iw.iwae).toBeGreaterThanOrEqual(iw.elbo);
  });
});
