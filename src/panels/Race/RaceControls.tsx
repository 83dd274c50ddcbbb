import { useStore } from 'zustand';
import { raceFeeds } from '../../store/feeds';
import { raceStore } from '../../store/stores';

const actions = raceStore.getState().actions;

/**
 * Both runs at once: train, pause, one step each, or end the race (the runs stay in Runs). Small:
 * the run bar's buttons drive both runs too, these say so where the race is.
 */
export function RaceControls() {
  const states = [useStore(raceFeeds[0].training, (s) => s.state), useStore(raceFeeds[1].training, (s) => s.state)];
  const anyTraining = states.some((s) => s === 'training' || s === 'loading');
  const anyPaused = states.some((s) => s === 'paused');
  return (
    <div className="race-controls" role="group" aria-label="Both runs">
      {anyTraining ? (
        <button type="button" className="btn btn-small btn-primary" onClick={actions.pause} data-testid="race-pause">
          Pause both
        </button>
      ) : (
        <button type="button" className="btn btn-small btn-primary" onClick={actions.train} disabled={!anyPaused} data-testid="race-train">
          Train both
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={actions.step} disabled={anyTraining} title="One batch for each run">
        Step both
      </button>
      <button type="button" className="btn btn-small" onClick={actions.end} title="The second run stops and is kept in Runs; the Train view keeps its run">
        End race
      </button>
    </div>
  );
}
