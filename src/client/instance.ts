import { createWorker } from './createWorker';
import { TrainerClient, type TrainerClientOptions } from './TrainerClient';

/** Where the dataset manifest lives, resolved against the page (the worker's own URL differs). */
export const MANIFEST_URL = new URL('datasets/manifest.json', document.baseURI).href;

const OPTIONS: TrainerClientOptions = {
  manifestUrl: MANIFEST_URL,
  // A terminated worker fires no event: only its silence tells (30 s; 2 min before its first step).
  heartbeatMs: 1000,
  silentLimitMs: 30_000,
};

/** The app's trainer client: the Train view's run, which every view but the race's second lane shows. */
export const trainerClient = new TrainerClient(() => createWorker(), OPTIONS);

/**
 * The race's second lane: another worker of the same entry, started only when a race starts, with
 * a run of its own (its own IndexedDB record and Web Lock), so two runs train at once.
 */
export const laneClient = new TrainerClient(() => createWorker('lane'), OPTIONS);
