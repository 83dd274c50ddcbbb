import type { BackendChoice, BackendName } from '../config/experiment';
import { nextBackend } from '../config/fallback';
import type { TrainerClient } from './TrainerClient';

/** What the lane's recovery needs from the race store. */
export interface LaneRecoveryHooks {
  /** The lane's run, once saved or opened; null before (nothing to reopen: it starts again). */
  runId(): string | null;
  backendInUse(): BackendName | null;
  setBackend(backend: BackendChoice): void;
}

/**
 * Carries the race's second lane through the faults recovery.ts handles for the Train view's run,
 * but without asking what to resume: the lane knows its run. A lost GPU device moves it to the
 * next backend and it goes on training from its last checkpoint; a worker that died silently
 * while training is reopened training; an uncaught error reopens it paused (it may repeat).
 */
export function startLaneRecovery(client: Pick<TrainerClient, 'send' | 'subscribe' | 'replaceWorker' | 'takeResumeAfterRestart'>, hooks: LaneRecoveryHooks): () => void {
  const reopen = (train: boolean) => {
    const runId = hooks.runId();
    if (runId) client.send({ type: 'resumeRun', runId, train });
  };
  return client.subscribe((e) => {
    if (e.type !== 'error') return;
    if (e.code === 'device-lost') {
      const lost = hooks.backendInUse() ?? 'webgl';
      client.replaceWorker();
      hooks.setBackend(nextBackend(lost));
      reopen(client.takeResumeAfterRestart());
    } else if (e.code === 'worker-crashed') {
      // After the event, so the client has dropped the dead worker and the command starts a new one.
      setTimeout(() => reopen(client.takeResumeAfterRestart()), 0);
    }
  });
}
