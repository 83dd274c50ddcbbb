import type { TrainerEvent } from '../protocol';

/**
 * Which run a trainer lane holds, as far as the race is concerned, read from that lane's events:
 * - 'fresh': a new run was asked for (reset, config, start); the next reset's idle status is ours,
 *   and the first save after it names the run. Saves before it belong to the run being closed.
 * - 'opening': a saved run was asked for; it is ours once its history (or a save) names it.
 * - 'on': the lane holds the race's run.
 * - 'off': the lane went on to another run (a reset, another run opened): it left the race.
 */
export interface LaneTrack {
  phase: 'fresh' | 'await-save' | 'opening' | 'on' | 'off';
  runId: string | null;
}

export const freshTrack = (): LaneTrack => ({ phase: 'fresh', runId: null });
export const openingTrack = (runId: string): LaneTrack => ({ phase: 'opening', runId });
export const onTrack = (runId: string): LaneTrack => ({ phase: 'on', runId });

const isFresh = (e: TrainerEvent) => e.type === 'status' && e.state === 'idle' && e.step === 0;
const namedRun = (e: TrainerEvent): string | null => (e.type === 'runSaved' ? e.run.id : e.type === 'history' ? e.runId : null);

/** The lane's track after one of its events; the same object when nothing changed. */
export function followLane(t: LaneTrack, e: TrainerEvent): LaneTrack {
  const named = namedRun(e);
  switch (t.phase) {
    case 'fresh':
      return isFresh(e) ? { phase: 'await-save', runId: null } : t;
    case 'await-save':
      return e.type === 'runSaved' ? onTrack(e.run.id) : t;
    case 'opening':
      // A run that cannot open (locked in another tab, a model that no longer fits) is refused with an error.
      if (e.type === 'error') return { phase: 'off', runId: t.runId };
      return named !== null && named === t.runId ? onTrack(named) : t;
    case 'on':
      return isFresh(e) || (named !== null && named !== t.runId) ? { phase: 'off', runId: t.runId } : t;
    case 'off':
      return t;
  }
}
