import { laneClient, trainerClient } from './instance';

/**
 * A handle on the trainer for the end-to-end tests, the benchmark and the soak test (tensor
 * counts, fault injection). main.tsx calls this only behind `__VAE_TEST_HOOKS__`, so a production
 * build has no `window.__vae`.
 */
export function exposeTestHandle(): void {
  (window as unknown as { __vae: unknown }).__vae = { client: trainerClient, lane: laneClient };
}
