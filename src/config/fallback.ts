import { BACKENDS, type BackendName } from './experiment';

/** The backend to fall back to after `lost` loses its device: the next in line (webgpu → webgl → wasm → cpu). */
export function nextBackend(lost: BackendName): BackendName {
  const i = BACKENDS.indexOf(lost);
  return BACKENDS[Math.min(i + 1, BACKENDS.length - 1)];
}
