/**
 * One copy of the machine-ceiling measurement (scripts/bench/ceiling.mjs; skipped unless
 * VAE_BENCH_COPY=mlp|conv): the app's own TrainingSession on WASM in Node, one thread, no page
 * and no UI, trains the default model of that architecture and prints one line
 * `copy-result {"imagesPerSec":…}`. The bench runs one copy alone, then one per core at once: their
 * summed images/s over the lone copy's is what this machine gives the same work on more cores.
 *
 * VAE_BENCH_BARRIER=dir with VAE_BENCH_COPIES=n: after its warm-up each copy writes a file there and
 * waits for n of them, so all copies time the same seconds.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { DEFAULT_CONFIG, type Architecture } from '../../config/experiment';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { useFastWasmKernels } from '../wasm/register';

const arch = process.env.VAE_BENCH_COPY as Architecture | undefined;
const seconds = Number(process.env.VAE_BENCH_SECONDS ?? 12);

function waitForCopies(dir: string, copies: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${process.pid}`, '');
  const until = Date.now() + 120_000;
  // Polls every 20 ms: a copy must not start its window before the others are warm.
  while (readdirSync(dir).length < copies && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
}

describe.skipIf(!arch)('one copy of the machine-ceiling bench', () => {
  it('trains for a fixed time and prints its images/s', { timeout: 600_000 }, async () => {
    if ((await useTestBackend()) !== 'wasm') throw new Error('the ceiling copy needs the WASM backend');
    useFastWasmKernels();
    const session = new TrainingSession({ ...DEFAULT_CONFIG, architecture: arch! }, mnistSubset(20_000, 100));
    for (let i = 0; i < 20; i++) session.trainStep();
    if (process.env.VAE_BENCH_BARRIER) waitForCopies(process.env.VAE_BENCH_BARRIER, Number(process.env.VAE_BENCH_COPIES ?? 1));
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < seconds * 1000) {
      if (!session.trainStep().ok) throw new Error(`step ${session.step} was not finite`);
      steps++;
    }
    const elapsed = (performance.now() - t0) / 1000;
    process.stdout.write(`copy-result ${JSON.stringify({ arch, steps, seconds: elapsed, imagesPerSec: (steps * session.batchSize) / elapsed })}\n`);
    session.dispose();
  });
});
