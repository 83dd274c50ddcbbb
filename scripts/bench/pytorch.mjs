// The bench's PyTorch reference (scripts/bench/torch_vae.py): the same MLP VAE on the same data,
// trained by PyTorch on the CPU, from whichever python3 imports torch.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `python3` on the PATH first, then Debian's /usr/bin/python3 (where apt's python3-torch imports). */
export function findTorchPython() {
  if (process.env.BENCH_TORCH === '0') return null;
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3', '/usr/local/bin/python3'].filter(Boolean);
  for (const py of candidates) {
    if (py.startsWith('/') && !existsSync(py)) continue;
    const r = spawnSync(py, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python: py, version: r.stdout.trim() };
  }
  return null;
}

/** Images/s at 1 thread and at all cores ({ runs, best }), or { skipped } saying why not. */
export function runPytorch(found, seconds) {
  if (!found) return { skipped: 'PyTorch is not importable from python3 or /usr/bin/python3 (apt-get install -y python3-torch libopenblas0-pthread)' };
  const script = new URL('./torch_vae.py', import.meta.url).pathname;
  const r = spawnSync(found.python, [script, String(seconds)], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { skipped: `the PyTorch reference failed: ${(r.stderr || r.stdout).trim().split('\n').pop()}` };
  return { python: found.python, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
}
