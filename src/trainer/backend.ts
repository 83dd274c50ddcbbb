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
import { configureWasmThreads, startWasmThreads, type WasmThreads } from './wasm/threads';

// Threads where the page is cross-origin isolated (wasm/threads.ts).
configureWasmThreads();

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

/** The WASM backend's threads once it is set; null before. */
let wasmThreads: WasmThreads | null = null;

async function trySetWithThreads(name: BackendName): Promise<boolean> {
  const ok = await trySet(name);
  if (ok && name === 'wasm') wasmThreads = await startWasmThreads();
  return ok;
}

/** A backend's threads for the status: WASM's count and note; 1 elsewhere (a GPU's work is not on CPU threads). */
function threadsOf(name: BackendName): { threads: number; threadNote?: string } {
  return name === 'wasm' && wasmThreads ? { threads: wasmThreads.threads, threadNote: wasmThreads.note } : { threads: 1 };
}

type BackendChosen = { name: BackendName; reason: string; probes: BackendProbe[]; threads: number; threadNote?: string };

/** WASM with its kernel threads started (the checkThreads test hook). */
export async function useWasmWithThreads(): Promise<void> {
  if (!(await trySetWithThreads('wasm'))) throw new Error('the WASM backend is not available');
}

/**
 * Picks the backend: the user's choice, or in 'auto' the fastest of the real candidates by a short probe.
 * Software GPU adapters are skipped: they are many times slower than WASM (shared/TFJS.md).
 */
export async function chooseBackend(
  choice: BackendChoice,
  probe: SpeedProbe,
  onProgress: (label: string, done: number, total: number) => void,
): Promise<BackendChosen> {
  if (choice !== 'auto') {
    if (await trySetWithThreads(choice)) return { name: choice, reason: 'chosen by you', probes: [], ...threadsOf(choice) };
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
    if (!(await trySetWithThreads(name))) {
      probes.push({ name, imagesPerSec: null, note: 'not available' });
      continue;
    }
    try {
      const ips = probe(name === 'wasm' ? 400 : 700);
      probes.push({ name, imagesPerSec: ips, note: name === 'wasm' ? (wasmThreads?.note ?? '1 thread') : 'hardware adapter' });
    } catch (e) {
      probes.push({ name, imagesPerSec: null, note: `failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  onProgress('Probing done', order.length, order.length);
  const best = probes.filter((p) => p.imagesPerSec !== null).sort((a, b) => b.imagesPerSec! - a.imagesPerSec!)[0];
  if (best && (await trySetWithThreads(best.name))) {
    const others = probes.filter((p) => p !== best).map((p) => `${p.name}: ${p.imagesPerSec ? `${Math.round(p.imagesPerSec)} img/s` : p.note}`);
    return {
      name: best.name,
      reason: `fastest in a short probe (${Math.round(best.imagesPerSec!)} img/s)${others.length ? `; ${others.join('; ')}` : ''}`,
      probes,
      ...threadsOf(best.name),
    };
  }
  await trySet('cpu');
  probes.push({ name: 'cpu', imagesPerSec: null, note: 'last resort' });
  return { name: 'cpu', reason: 'no faster backend could start', probes, threads: 1 };
}
