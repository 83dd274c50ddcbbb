import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../config/experiment';
import type { BackendProbe } from '../protocol';
import type { ProbeResult } from './probe';
import { loadVerdict, saveVerdict } from './verdictStore';
import { configureWasmThreads, startWasmThreads, type WasmThreads } from './wasm/threads';

// Threads where the page is cross-origin isolated (wasm/threads.ts).
configureWasmThreads();

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/** Measures a backend's training speed with a few real, finished steps; supplied by the worker. */
export type SpeedProbe = (budgetMs: number) => Promise<ProbeResult>;

/** What this browser says about its GPUs: the WebGPU adapter and the WebGL renderer. */
interface DeviceFacts {
  adapter: GpuAdapterLike | null;
  renderer: string | null;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; architecture?: string; vendor?: string; device?: string; description?: string };
}

async function deviceFacts(): Promise<DeviceFacts> {
  let adapter: GpuAdapterLike | null = null;
  try {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    adapter = (gpu ? await gpu.requestAdapter() : null) as GpuAdapterLike | null;
  } catch {
    adapter = null;
  }
  let renderer: string | null = null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (gl) {
      // The plain RENDERER string can be masked ("WebKit WebGL"); the debug extension tells the truth.
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    renderer = null;
  }
  return { adapter, renderer };
}

/** Names this browser on this device: what a remembered probe verdict is keyed by. */
function deviceKey(f: DeviceFacts): string {
  const i = f.adapter?.info ?? {};
  const gpu = f.adapter ? [i.vendor, i.architecture, i.device, i.description, f.adapter.isFallbackAdapter || i.isFallbackAdapter ? 'fallback' : ''].join('/') : 'no-webgpu';
  return [navigator.userAgent, navigator.hardwareConcurrency, gpu, f.renderer ?? 'no-webgl2'].join(' | ');
}

/** Why a GPU-looking backend is not a GPU here, or null when it looks like real hardware. */
function softwareReason(name: BackendName, f: DeviceFacts): string | null {
  if (name === 'webgpu') {
    const adapter = f.adapter;
    if (!adapter) return 'no WebGPU adapter';
    const info = adapter.info ?? {};
    if (adapter.isFallbackAdapter || info.isFallbackAdapter) {
      return `software adapter (${info.architecture || info.vendor || 'fallback'}), not a GPU`;
    }
    return null;
  }
  if (name === 'webgl') {
    if (f.renderer === null) return 'no WebGL 2 context';
    if (/swiftshader|llvmpipe|software|basic render/i.test(f.renderer)) return `software renderer (${f.renderer}), not a GPU`;
    return null;
  }
  return null;
}

/**
 * The GPU backends are loaded when first tried: they are about half of the worker's script, and a
 * warm start on WASM (most visitors without a GPU) would otherwise parse them before its first step.
 */
const LATE_BACKENDS: Partial<Record<BackendName, () => Promise<unknown>>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
};

async function trySet(name: BackendName): Promise<boolean> {
  try {
    await LATE_BACKENDS[name]?.();
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

/** WASM with its kernel threads started (the checkThreads test hook). */
export async function useWasmWithThreads(): Promise<void> {
  if (!(await trySetWithThreads('wasm'))) throw new Error('the WASM backend is not available');
}

/**
 * A GPU backend must compute what WASM computes: its first-batch loss (same seed, same data) within
 * float32 tolerance of WASM's. Some GPUs compute in half precision or get ops wrong; training there
 * would be fast and wrong.
 */
export function lossesAgree(gpu: number, wasm: number): boolean {
  return Number.isFinite(gpu) && Math.abs(gpu - wasm) <= 1e-3 * Math.abs(wasm) + 1e-3;
}

export interface BackendVerdict {
  name: BackendName;
  reason: string;
  probes: BackendProbe[];
  /** CPU threads the training kernels use (WASM; 1 for the others). */
  threads: number;
  threadNote?: string;
}

/** Probes every candidate (WASM first: its first-batch loss is the reference) and picks the fastest. */
async function probeAll(probe: SpeedProbe, facts: DeviceFacts, onProgress: (label: string, done: number, total: number) => void): Promise<BackendVerdict> {
  const probes: BackendProbe[] = [];
  const order: BackendName[] = ['wasm', 'webgpu', 'webgl'];
  let reference: number | null = null;
  let i = 0;
  for (const name of order) {
    onProgress(`Probing ${name}`, i++, order.length);
    const soft = softwareReason(name, facts);
    if (soft) {
      probes.push({ name, imagesPerSec: null, note: `skipped: ${soft}` });
      continue;
    }
    if (!(await trySetWithThreads(name))) {
      probes.push({ name, imagesPerSec: null, note: 'not available' });
      continue;
    }
    try {
      // The GPU budgets exclude the warm-up step (shader compilation), which probeSpeed does not time.
      const r = await probe(name === 'wasm' ? 400 : 700);
      if (name === 'wasm') {
        reference = r.firstLoss;
        probes.push({ name, imagesPerSec: r.imagesPerSec, note: wasmThreads?.note ?? '1 thread' });
      } else if (reference !== null && !lossesAgree(r.firstLoss, reference)) {
        probes.push({ name, imagesPerSec: null, note: `skipped: its first-batch loss (${r.firstLoss.toFixed(3)}) disagrees with WASM's (${reference.toFixed(3)}); its arithmetic cannot be trusted here` });
      } else {
        probes.push({ name, imagesPerSec: r.imagesPerSec, note: `hardware adapter${reference === null ? '; not cross-checked (no WASM)' : ', loss agrees with WASM'}` });
      }
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

export interface ChooseOptions {
  /** Probe even when a verdict is remembered (the background re-probe). */
  fresh?: boolean;
  /** Called when a remembered verdict was used, to re-probe away from the training thread. */
  reprobe?: () => void;
}

/**
 * Picks the backend: the user's choice, or in 'auto' the fastest of the real candidates by a short probe.
 * Software GPU adapters are skipped: they are many times slower than WASM (shared/TFJS.md). A verdict
 * remembered for this browser and device is used at once (warm start) and re-probed in the background.
 */
export async function chooseBackend(
  choice: BackendChoice,
  probe: SpeedProbe,
  onProgress: (label: string, done: number, total: number) => void,
  options: ChooseOptions = {},
): Promise<BackendVerdict> {
  if (choice !== 'auto') {
    if (await trySetWithThreads(choice)) return { name: choice, reason: 'chosen by you', probes: [], ...threadsOf(choice) };
    const fallback = await chooseBackend('auto', probe, onProgress, options);
    return { ...fallback, reason: `${choice} is not available in this browser; ${fallback.reason}` };
  }
  const facts = await deviceFacts();
  const key = deviceKey(facts);
  const remembered = options.fresh ? null : await loadVerdict(key);
  if (remembered && (await trySetWithThreads(remembered.name))) {
    options.reprobe?.();
    return { name: remembered.name, reason: `remembered from this browser's last probe: ${remembered.reason}`, probes: remembered.probes, ...threadsOf(remembered.name) };
  }
  const verdict = await probeAll(probe, facts, onProgress);
  if (verdict.name !== 'cpu') await saveVerdict(key, { ...verdict, at: Date.now() });
  return verdict;
}
