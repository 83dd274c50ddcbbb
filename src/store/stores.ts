import { laneClient, MANIFEST_URL, trainerClient } from '../client/instance';
import type { ControlField } from './experiment';
import { createCatalogStore } from './catalog';
import { createCompletionStore } from './completion';
import { createExperimentStore } from './experiment';
import { createPromptsStore } from './prompts';
import { presetStore } from './preset';
import { createRaceStore } from './race';
import { createRunsStore } from './runs';
import { createTrainingStore } from './training';
import { createTimelineStore, foldTimeline } from './timeline';

/** The app's store instances, wired to the one trainer client. */
export const experimentStore = createExperimentStore(trainerClient);
export const trainingStore = createTrainingStore(trainerClient);
/** Saved runs, handing a run's config to the Train view (the experiment store's load). */
export const runsStore = createRunsStore(trainerClient, (config, opts) => experimentStore.getState().actions.load(config, opts));
/** Completion runs of the Draw & complete view, and the events its ELBO chart draws outside React. */
export const { store: completionStore, onCurve: onCompletionCurve } = createCompletionStore(trainerClient.request);
/** Datasets this page can pick, and every change to the ones stored in this browser. */
export const catalogStore = createCatalogStore({
  manifestUrl: MANIFEST_URL,
  send: (cmd) => trainerClient.send(cmd),
  selected: () => experimentStore.getState().config.dataset,
  // The dataset is an id, not a control of the settings form, but setField validates and sends it alike.
  select: (id) => experimentStore.getState().actions.setField('dataset' as ControlField, id),
});

// A run exists once a step is taken; until Reset, changes that need a new model wait.
trainingStore.subscribe((s) => experimentStore.getState().actions.setRunActive(s.step > 0));

/** Reset asks first once a run has progress, from the button and the `r` key alike. */
export const promptsStore = createPromptsStore(
  () => trainingStore.getState().step,
  () => trainingStore.getState().actions.reset(),
);

/** Each run's training timeline (snapshots) and the moment shown for it; see protocol/timeline.ts. */
export const timelineStore = createTimelineStore(trainerClient);
export const timelineActions = timelineStore.getState().actions;

/** The race's second lane (its own worker), and the race that pairs it with the Train view's run. */
export const laneTrainingStore = createTrainingStore(laneClient);
export const raceStore = createRaceStore({
  main: trainerClient,
  lane: laneClient,
  mainTraining: trainingStore,
  laneTraining: laneTrainingStore,
  startMain: (e) => {
    // A preset's "look at" note described another experiment.
    presetStore.getState().actions.clear();
    runsStore.getState().actions.startFrom(e.config, { name: e.name, train: true });
  },
  openMain: (e, train) => runsStore.getState().actions.resume({ id: e.runId, config: e.config }, train),
  currentMainRunId: () => runsStore.getState().currentRunId,
  laneSaved: (run) => runsStore.getState().actions.noteSaved(run),
  storage: typeof localStorage === 'undefined' ? null : localStorage,
  followRun: (runId) => void timelineActions.load(runId),
});
// The second lane's snapshots join the timeline under their own run; the Train view's run stays current.
laneClient.subscribe((e) => {
  const { runs } = e.type === 'snapshot' ? foldTimeline(timelineStore.getState(), e) : {};
  if (runs) timelineStore.setState({ runs });
});
