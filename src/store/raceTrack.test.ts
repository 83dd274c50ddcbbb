import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { RunSummary, TrainerEvent } from '../protocol';
import { followLane, freshTrack, onTrack, openingTrack, type LaneTrack } from './raceTrack';

const saved = (id: string): TrainerEvent => ({
  type: 'runSaved',
  run: { id, name: id, config: DEFAULT_CONFIG, dataset: { id: 'mnist', shape: [28, 28, 1] }, status: 'active', step: 5, epoch: 0, createdAt: 0, updatedAt: 0, trainingMs: 0, paramCount: 1, final: { train: null, test: null } } satisfies RunSummary,
});
const fresh: TrainerEvent = { type: 'status', state: 'idle', step: 0, epoch: 0 };
const training: TrainerEvent = { type: 'status', state: 'training', step: 3, epoch: 0 };
const history = (runId: string): TrainerEvent => ({ type: 'history', runId, history: { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] } });
const through = (t: LaneTrack, events: TrainerEvent[]) => events.reduce(followLane, t);

describe('following which run a lane holds', () => {
  it('a new run: the closing run’s last save is not taken for it, the first save after the reset is', () => {
    const t = through(freshTrack(), [saved('old'), fresh, training]);
    expect(t).toEqual({ phase: 'await-save', runId: null });
    expect(followLane(t, saved('new'))).toEqual(onTrack('new'));
  });

  it('an opened run: ours once its history names it, whatever the run being closed says before', () => {
    const t = through(openingTrack('b'), [saved('old'), fresh, training]);
    expect(t.phase).toBe('opening');
    expect(followLane(t, history('b'))).toEqual(onTrack('b'));
    expect(followLane(t, { type: 'error', code: 'trainer-failed', message: 'open elsewhere', recoverable: true }).phase).toBe('off');
  });

  it('leaves the race on a reset or on another run, and stays out', () => {
    expect(through(onTrack('a'), [saved('a'), training, history('a')])).toEqual(onTrack('a'));
    expect(followLane(onTrack('a'), fresh)).toEqual({ phase: 'off', runId: 'a' });
    expect(followLane(onTrack('a'), history('z'))).toEqual({ phase: 'off', runId: 'a' });
    expect(through(onTrack('a'), [saved('z'), saved('a')])).toEqual({ phase: 'off', runId: 'a' });
  });
});
