import { createWorker } from './createWorker';
import { TrainerClient } from './TrainerClient';

/** The app's single trainer client; stores and panels share it so there is one worker per tab. */
export const trainerClient = new TrainerClient(createWorker, {
  manifestUrl: new URL('datasets/manifest.json', document.baseURI).href,
  // A terminated worker fires no event: only its silence tells (30 s; 2 min before its first step).
  heartbeatMs: 1000,
  silentLimitMs: 30_000,
});
