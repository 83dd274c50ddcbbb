import type { BackendChoice, BackendName } from '../config/experiment';
import { nextBackend } from '../config/fallback';
import type { RunSummary } from '../protocol';
import type { TrainerClient } from './TrainerClient';

/** What recovery needs from the stores; app/bootstrap.ts passes their actions. */
export interface RecoveryHooks {
  /** The backend the lost device belonged to (the training store's), if one was chosen. */
  backendInUse(): BackendName | null;
  /** Chooses a backend (the training store's action, which also tells the worker). */
  setBackend(backend: BackendChoice): void;
  /** Restores a saved run in the Train view (the runs store's action); `train` goes on training. */
  resume(run: RunSummary, train: boolean): void;
}

/**
 * Carries a run through faults that are no fault of its own; everything recovery does is here.
 * - Start: asks the worker which unfinished run (a reload, a closed tab) can be resumed; the
 *   answer is offered by the Resume banner.
 * - A lost GPU device: the worker (whose tensors died with the device) is replaced, the next
 *   backend in line is chosen, and the run resumes from its last checkpoint.
 * - A worker that died silently while training (found by the client's heartbeat): the new
 *   worker's offer to resume is taken at once.
 * - An uncaught error in the worker: the client restarts it on the next command; its run is only
 *   offered (the banner), since the error may happen again.
 * Returns the unsubscribe.
 */
export function startRecovery(client: TrainerClient, hooks: RecoveryHooks): () => void {
  const checkResume = () => client.send({ type: 'checkResume' });
  const off = client.subscribe((e) => {
    if (e.type === 'error' && e.code === 'device-lost') {
      const lost = hooks.backendInUse() ?? 'webgl';
      client.replaceWorker();
      // Sent to a fresh worker, which starts with this backend; then it is asked what to resume.
      hooks.setBackend(nextBackend(lost));
      checkResume();
    } else if (e.type === 'error' && e.code === 'worker-crashed') {
      // The worker is gone, and with it the run in training: ask the next one what can be resumed.
      setTimeout(checkResume, 0);
    } else if (e.type === 'resumable') {
      const auto = client.takeResumeAfterRestart();
      if (auto && e.run) hooks.resume(e.run, true);
      // Lost before its first checkpoint was written: training starts again on the new backend
      // rather than leaving the page saying it trains while nothing runs.
      else if (auto) client.send({ type: 'start' });
    }
  });
  checkResume();
  return off;
}
