import type { BackendName } from '../config/experiment';
import { laneClient, trainerClient } from '../client/instance';
import { startLaneRecovery } from '../client/laneRecovery';
import { startRecovery } from '../client/recovery';
import { exposeTestHandle } from '../client/testHooks';
import { experimentStore, laneTrainingStore, raceStore, runsStore, trainingStore } from '../store/stores';
import { startLinkSync } from '../panels/Resume/linkSync';
import { startFirstRun } from './firstRun';
import { lessonAtStart, lessonActions, takeLessonFromHash } from '../lessons/lessonRunner';
import { registerServiceWorker } from './serviceWorker';

/**
 * How the page starts, in order; main.tsx calls this once, before React mounts.
 * 1. The client (client/instance.ts): owns the worker, started lazily by the first command.
 * 2. The stores (store/stores.ts), each wired to the client; their actions are the way in.
 * 3. Link sync: a shared link's config is loaded before the worker sees any config.
 * 4. The worker starts with that config (the experiment store's init).
 * 5. Recovery (client/recovery.ts): asks what can be resumed, and carries a run through a crash or
 *    a lost GPU device from now on — whichever panels are mounted; the race's second lane
 *    (client/laneRecovery.ts) likewise.
 * 6. The first run: a first visit starts training once the worker said nothing is to be resumed.
 */
export function bootstrap(): void {
  const client = trainerClient;
  const stores = { experiment: experimentStore, training: trainingStore, runs: runsStore };
  const hadHash = window.location.hash.length > 1;
  const lessonLink = takeLessonFromHash();
  startLinkSync();
  stores.experiment.getState().actions.init();
  startRecovery(client, {
    backendInUse: () => (stores.training.getState().backend?.name ?? null) as BackendName | null,
    setBackend: (backend) => stores.training.getState().actions.setBackend(backend),
    resume: (run, train) => stores.runs.getState().actions.resume(run, train),
  });
  // The race's second lane has its own worker: the same faults, but it knows which run to reopen.
  startLaneRecovery(laneClient, {
    runId: () => raceStore.getState().tracks[1].runId,
    backendInUse: () => (laneTrainingStore.getState().backend?.name ?? null) as BackendName | null,
    setBackend: (backend) => laneTrainingStore.getState().actions.setBackend(backend),
  });
  // A lesson (linked, or open when the page was left) leads instead of the first-visit auto-start.
  const lesson = lessonAtStart(lessonLink);
  startFirstRun(hadHash || lesson !== null);
  if (lesson) void lessonActions.open(lesson);
  if (__VAE_TEST_HOOKS__) exposeTestHandle();
  registerServiceWorker();
}
