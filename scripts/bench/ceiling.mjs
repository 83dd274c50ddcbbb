// What a second core can give this very workload on this machine, with no synchronisation at all:
// PyTorch's MLP VAE (torch_vae.py) on one thread, alone, then one copy per core at once. The
// copies' summed images/s over the lone copy's is the most any threaded trainer could scale by
// here (a 2-vCPU VM's cores may share a physical core, its caches or its power budget).
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

const script = new URL('./torch_vae.py', import.meta.url).pathname;

function oneThread(python, seconds) {
  return new Promise((resolve, reject) => {
    const p = spawn(python, [script, String(seconds)], { env: { ...process.env, TORCH_THREAD_COUNTS: '1' } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`torch_vae.py exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()).runs[0].imagesPerSec);
    });
  });
}

/** { alone, copies: [images/s each], ratio } or { skipped } where PyTorch is missing or there is one core. */
export async function machineCeiling(found, seconds, cores = cpus().length) {
  if (!found) return { skipped: 'PyTorch is not importable' };
  if (cores < 2) return { skipped: 'one CPU core' };
  try {
    const alone = await oneThread(found.python, seconds);
    const copies = await Promise.all(Array.from({ length: cores }, () => oneThread(found.python, seconds)));
    return { alone, copies, ratio: copies.reduce((a, b) => a + b, 0) / alone };
  } catch (e) {
    return { skipped: `the PyTorch copies failed: ${e instanceof Error ? e.message : e}` };
  }
}
