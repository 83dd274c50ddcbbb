import { trainerClient } from './instance';

/**
 * A handle on the trainer for the benchmark and end-to-end tests (tensor counts, fault injection).
 * It exposes nothing the page's own controls can't already do.
 */
export function exposeDebugHandle(): void {
  (window as unknown as { __vae: unknown }).__vae = { client: trainerClient };
}
