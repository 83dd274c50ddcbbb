import { trainerClient } from '../client/instance';
import { createExperimentStore } from './experiment';
import { createTrainingStore } from './training';

/** The app's store instances, wired to the one trainer client. */
export const experimentStore = createExperimentStore(trainerClient);
export const trainingStore = createTrainingStore(trainerClient);

// A run exists once a step is taken; until Reset, changes that need a new model wait.
trainingStore.subscribe((s) => experimentStore.getState().actions.setRunActive(s.step > 0));
