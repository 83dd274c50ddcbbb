import type { BackendName } from './experiment';

/**
 * The backend to fall back to after `lost` loses its device. A lost GPU device (WebGPU or WebGL)
 * goes straight to WASM, off the GPU: the GPU process that lost one API's device often fails the
 * other too (seen with software WebGPU, whose loss left the WebGL fallback hanging at start-up).
 */
export function nextBackend(lost: BackendName): BackendName {
  return lost === 'webgpu' || lost === 'webgl' ? 'wasm' : 'cpu';
}
