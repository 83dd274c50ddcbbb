// What a second core gives the same work on this machine with no synchronisation at all: one copy
// alone, then one copy per core at once; the copies' summed images/s over the lone copy's. A
// 2-vCPU VM's cores may share a physical core, caches and memory bandwidth, so this yardstick can
// sit well under the core count; a threaded trainer (one set of weights) is measured against it,
// not bounded by it. Two workloads:
// - the app's own trainer on WASM in Node, one thread, no page (src/trainer/bench/copies.bench.test.ts);
// - PyTorch's MLP VAE on one thread (torch_vae.py).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const torchScript = new URL('./torch_vae.py', import.meta.url).pathname;

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

// PyTorch's copies have no barrier: each loads the same data and warms up alike, so their windows overlap.
const torchCopy = (python, seconds) => async () => {
  const out = await output(python, [torchScript, String(seconds)], { TORCH_THREAD_COUNTS: '1' });
  return JSON.parse(out.trim().split('\n').pop()).runs[0].imagesPerSec;
};

/** Per architecture, the app's trainer alone and as copies; then PyTorch's, where it is importable. */
export async function machineCeiling(architectures, torch, seconds, cores = cpus().length) {
  if (cores < 2) return { skipped: 'one CPU core' };
  const why = (e) => ({ skipped: `the copies failed: ${e instanceof Error ? e.message : e}` });
  const app = {};
  for (const a of architectures) app[a] = await aloneThenCopies(appCopy(a, seconds), cores).catch(why);
  const pytorch = torch ? await aloneThenCopies(torchCopy(torch.python, seconds), cores).catch(why) : { skipped: 'PyTorch is not importable' };
  return { cores, app, pytorch };
}
