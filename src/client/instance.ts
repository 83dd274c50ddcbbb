import { createWorker } from './createWorker';
import { TrainerClient } from './TrainerClient';

/** Where the dataset manifest lives, resolved against the page (the worker's own URL differs). */
export const MANIFEST_URL = new URL('datasets/manifest.json', document.baseURI).href;

/** The app's single trainer client; the stores share it so there is one worker per tab. */
export const trainerClient = new TrainerClient(createWorker, {
  manifestUrl: MANIFEST_URL,
  // A terminated worker fires no event: only its silence tells (30 s; 2 min before its first step).
  heartbeatMs: 1000,
  silentLimitMs: 30_000,
});
