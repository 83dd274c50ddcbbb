import { trainerClient } from '../client/instance';
import { createExperimentStore } from './experiment';
import { createPromptsStore } from './prompts';
import { createTrainingStore } from './training';

/** The app's store instances, wired to the one trainer client. */
export const experimentStore = createExperimentStore(trainerClient);
export const trainingStore = createTrainingStore(trainerClient);

// A run exists once a step is taken; until Reset, changes that need a new model wait.
trainingStore.subscribe((s) => experimentStore.getState().actions.setRunActive(s.step > 0));

/** Reset asks first once a run has progress, from the button and the `r` key alike. */
export const promptsStore = createPromptsStore(
  () => trainingStore.getState().step,
  () => trainingStore.getState().actions.reset(),
);
