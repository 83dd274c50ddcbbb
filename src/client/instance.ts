import { createWorker } from './createWorker';
import { TrainerClient } from './TrainerClient';

/** The app's single trainer client; stores and panels share it so there is one worker per tab. */
export const trainerClient = new TrainerClient(createWorker, {
  manifestUrl: new URL('datasets/manifest.json', document.baseURI).href,
});
