// What a second core gives the same work on this machine with no synchronisation at all: one copy
// alone, then one copy per core at once; the copies' summed images/s over the lone copy's. A
// 2-vCPU VM's cores may share a physical core, caches and memory bandwidth, so this yardstick can
// sit well under the core count; a threaded trainer (one set of weights) is measured against it,
// not bounded by it. The work is the app's own trainer on WASM in Node, one thread, no page
// (src/trainer/bench/copies.bench.test.ts). PyTorch's MLP VAE as copies was tried and dropped: on
// one thread each, 0.97–1.48× in three runs, too unsteady to measure anything against.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command, resolving with its stdout; rejects on a non-zero exit. */
function output(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/** { alone, copies: [images/s each], ratio } for `one(copies, barrier)` run alone and then once per core at once. */
async function aloneThenCopies(one, cores) {
  const alone = await one(1, null);
  const barrier = mkdtempSync(join(tmpdir(), 'vae-copies-'));
  try {
    const copies = await Promise.all(Array.from({ length: cores }, () => one(cores, barrier)));
    return { alone, copies, ratio: copies.reduce((a, b) => a + b, 0) / alone };
  } finally {
    rmSync(barrier, { recursive: true, force: true });
  }
}

const appCopy = (architecture, seconds) => async (copies, barrier) => {
  const out = await output('npx', ['vitest', 'run', 'src/trainer/bench/copies.bench.test.ts'], {
    VAE_BENCH_COPY: architecture,
    VAE_BENCH_SECONDS: String(seconds),
    VAE_BENCH_COPIES: String(copies),
    ...(barrier ? { VAE_BENCH_BARRIER: barrier } : {}),
  });
  const line = /copy-result (\{.*\})/.exec(out);
  if (!line) throw new Error('a trainer copy printed no result');
  return JSON.parse(line[1]).imagesPerSec;
};

/** Per architecture, the app's trainer alone and as one copy per core at once. */
export async function machineCeiling(architectures, seconds, cores = cpus().length) {
  if (cores < 2) return { skipped: 'one CPU core' };
  const why = (e) => ({ skipped: `the copies failed: ${e instanceof Error ? e.message : e}` });
  const app = {};
  for (const a of architectures) app[a] = await aloneThenCopies(appCopy(a, seconds), cores).catch(why);
  return { cores, app };
}
