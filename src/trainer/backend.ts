import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../config/experiment';
import type { BackendProbe } from '../protocol';

// Threads stay off. They can work in the production build (a worker-build plugin giving the threaded
// factory a toString() that returns its unminified source, which its pthread workers evaluate, plus
// setThreadsCount(hardwareConcurrency): tfjs would give 2 cores 1 thread), but on this 2-core
// machine, with our single-threaded GEMM and conv kernels (optim/) doing most of the work, 2
// threads gave the conv VAE +8% and the MLP −4% (interleaved page runs), and they need COOP/COEP
// headers wherever the app is hosted.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/** Measures a backend's training speed (images/s) with a few real steps; supplied by the worker. */
export type SpeedProbe = (budgetMs: number) => number;

/** Why a GPU-looking backend is not a GPU here, or null when it looks like real hardware. */
async function softwareReason(name: BackendName): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    const adapter = (gpu ? await gpu.requestAdapter() : null) as GpuAdapterLike | null;
    if (!adapter) return 'no WebGPU adapter';
    const info = adapter.info ?? {};
    if (adapter.isFallbackAdapter || info.isFallbackAdapter) {
      return `software adapter (${info.architecture || info.vendor || 'fallback'}), not a GPU`;
    }
    return null;
  }
  if (name === 'webgl') {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2');
    if (!gl) return 'no WebGL 2 context';
    // The plain RENDERER string can be masked ("WebKit WebGL"); the debug extension tells the truth.
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    if (/swiftshader|llvmpipe|software|basic render/i.test(renderer)) return `software renderer (${renderer}), not a GPU`;
    return null;
  }
  return null;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; architecture?: string; vendor?: string };
}

async function trySet(name: BackendName): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

function wasmNote(): string {
  try {
    return `${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD'}, 1 thread`;
  } catch {
    return '1 thread';
  }
}

/**
 * Picks the backend: the user's choice, or in 'auto' the fastest of the real candidates by a short probe.
 * Software GPU adapters are skipped: they are many times slower than WASM (shared/TFJS.md).
 */
export async function chooseBackend(
  choice: BackendChoice,
  probe: SpeedProbe,
  onProgress: (label: string, done: number, total: number) => void,
): Promise<{ name: BackendName; reason: string; probes: BackendProbe[] }> {
  if (choice !== 'auto') {
    if (await trySet(choice)) return { name: choice, reason: 'chosen by you', probes: [] };
    const fallback = await chooseBackend('auto', probe, onProgress);
    return { ...fallback, reason: `${choice} is not available in this browser; ${fallback.reason}` };
  }
  const probes: BackendProbe[] = [];
  const order: BackendName[] = ['webgpu', 'webgl', 'wasm'];
  let i = 0;
  for (const name of order) {
    onProgress(`Probing ${name}`, i++, order.length);
    const soft = await softwareReason(name).catch((e: unknown) => String(e));
    if (soft) {
      probes.push({ name, imagesPerSec: null, note: `skipped: ${soft}` });
      continue;
    }
    if (!(await trySet(name))) {
      probes.push({ name, imagesPerSec: null, note: 'not available' });
      continue;
    }
    try {
      const ips = probe(name === 'wasm' ? 400 : 700);
      probes.push({ name, imagesPerSec: ips, note: name === 'wasm' ? wasmNote() : 'hardware adapter' });
    } catch (e) {
      probes.push({ name, imagesPerSec: null, note: `failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  onProgress('Probing done', order.length, order.length);
  const best = probes.filter((p) => p.imagesPerSec !== null).sort((a, b) => b.imagesPerSec! - a.imagesPerSec!)[0];
  if (best && (await trySet(best.name))) {
    const others = probes.filter((p) => p !== best).map((p) => `${p.name}: ${p.imagesPerSec ? `${Math.round(p.imagesPerSec)} img/s` : p.note}`);
    return {
      name: best.name,
      reason: `fastest in a short probe (${Math.round(best.imagesPerSec!)} img/s)${others.length ? `; ${others.join('; ')}` : ''}`,
      probes,
    };
  }
  await trySet('cpu');
  probes.push({ name: 'cpu', imagesPerSec: null, note: 'last resort' });
  return { name: 'cpu', reason: 'no faster backend could start', probes };
}
