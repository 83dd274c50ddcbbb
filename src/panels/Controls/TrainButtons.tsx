import { trainingActions, useTraining } from '../../ui/stores';

/** One button that reads Train, Pause or Resume by state, so focus stays put as it flips. */
export function TrainButtons() {
  const state = useTraining((s) => s.state);
  const busy = state === 'training' || state === 'loading';
  const primary =
    state === 'paused'
      ? { label: 'Resume', run: trainingActions.resume }
      : busy
        ? { label: 'Pause', run: trainingActions.pause }
        : { label: 'Train', run: trainingActions.train };
  return (
    <div className="train-buttons" role="group" aria-label="Training">
      <button
        type="button"
        className="btn btn-primary"
        // Nothing can pause while the data and backend load; the button waits, enabled again when training begins.
        disabled={state === 'loading'}
        onClick={primary.run}
      >
        {primary.label}
      </button>
      <button type="button" className="btn" disabled={state === 'loading'} onClick={trainingActions.step} title="Train on one batch, then pause">
        Step
      </button>
      <button type="button" className="btn" onClick={trainingActions.reset} title="Forget the weights and start over">
        Reset
      </button>
    </div>
  );
}
