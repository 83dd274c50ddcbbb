import * as tf from './tf';
import type { BackendName } from '../config/experiment';

/**
 * Watches the GPU device of the backend in use and reports its loss (a driver reset, the browser
 * reclaiming the GPU, a test hook). Tensors on a lost device are gone, so the page replaces the
 * worker and resumes the run from its last checkpoint on the next backend in line.
 */

interface GLLike {
  canvas?: EventTarget;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
}
interface WebGLBackendLike {
  gpgpu?: { gl?: GLLike };
}
interface WebGPUBackendLike {
  device?: { lost?: Promise<{ message?: string }>; destroy?(): void };
}

type OnLost = (backend: BackendName, reason: string) => void;

let current: { name: BackendName; lose: () => void } | null = null;

/** Starts watching the device of `name` (the backend tfjs now runs on); `onLost` is called at most once. */
export function watchDevice(name: BackendName, onLost: OnLost): void {
  let fired = false;
  const lost = (reason: string) => {
    if (fired) return;
    fired = true;
    onLost(name, reason);
  };
  const backend = tf.backend() as unknown;
  if (name === 'webgl') {
    const gl = (backend as WebGLBackendLike).gpgpu?.gl;
    gl?.canvas?.addEventListener('webglcontextlost', () => lost('the WebGL context was lost'));
    current = {
      name,
      lose: () => {
        const ext = gl?.getExtension('WEBGL_lose_context');
        if (ext) ext.loseContext();
        else lost('simulated by a test hook');
      },
    };
  } else if (name === 'webgpu') {
    const device = (backend as WebGPUBackendLike).device;
    void device?.lost?.then((info) => lost(info?.message || 'the WebGPU device was lost'));
    current = { name, lose: () => (device?.destroy ? device.destroy() : lost('simulated')) };
  } else {
    // No device to lose on WASM or the CPU: the hook reports a loss as a GPU backend would.
    current = { name, lose: () => lost('simulated by a test hook') };
  }
}

/** Test hook (DebugCommand `loseDevice`, see testHooks.ts): loses the current backend's device the way a real fault would. */
export function loseDevice(): void {
  current?.lose();
}
