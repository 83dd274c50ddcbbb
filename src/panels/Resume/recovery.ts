import { trainerClient } from '../../client/instance';
import type { BackendName } from '../../config/experiment';
import { nextBackend } from '../../config/fallback';
import { trainingStore } from '../../store/stores';
import { runsActions } from '../Runs/runsStore';

/**
 * Carries a run through faults that are no fault of its own. A lost GPU device: the worker (whose
 * tensors died with the device) is replaced, the next backend in line is chosen, and the run
 * resumes from its last checkpoint. A worker that died silently while training (found by the
 * client's heartbeat): the new worker's offer to resume is taken at once. An uncaught error in
 * the trainer is only offered (the banner), since it may happen again. Returns the unsubscribe.
 */
export function startRecovery(): () => void {
  return trainerClient.subscribe((e) => {
    if (e.type === 'error' && e.code === 'device-lost') {
      const lost = (trainingStore.getState().backend?.name ?? 'webgl') as BackendName;
      trainerClient.replaceWorker();
      // Sent to a fresh worker, which starts with this backend; then it is asked what to resume.
      trainingStore.getState().actions.setBackend(nextBackend(lost));
      runsActions.checkResume();
    } else if (e.type === 'resumable') {
      const auto = trainerClient.takeResumeAfterRestart();
      if (auto && e.run) runsActions.resume(e.run, true);
      // Lost before its first checkpoint was written: training starts again on the new backend
      // rather than leaving the page saying it trains while nothing runs.
      else if (auto) trainerClient.send({ type: 'start' });
    }
  });
}
