import { promptsActions, trainingActions, useTraining } from '../../ui/stores';

/** One button that reads Train, Pause or Resume by state, so focus stays put as it flips. */
export function TrainButtons() {
  const state = useTraining((s) => s.state);
  const loading = state === 'loading';
  const primary =
    state === 'paused'
      ? { label: 'Resume', run: trainingActions.resume, title: 'Go on training from this step (Space)' }
      : state === 'training'
        ? { label: 'Pause', run: trainingActions.pause, title: 'Pause training; the weights stay (Space)' }
        : loading
          ? // Nothing can pause while the data and backend load: the button says what is happening instead.
            { label: 'Starting…', run: () => {}, title: 'Loading the data and choosing a backend; training begins by itself' }
          : { label: 'Train', run: trainingActions.train, title: 'Start training (Space)' };
  return (
    <div className="train-buttons" role="group" aria-label="Training">
      <button type="button" className="btn btn-primary" disabled={loading} aria-busy={loading} onClick={primary.run} title={primary.title}>
        {primary.label}
      </button>
      <button type="button" className="btn" disabled={loading} onClick={trainingActions.step} title="Train on one batch, then pause (.)">
        Step
      </button>
      <button type="button" className="btn" onClick={promptsActions.requestReset} title="Forget the weights and start over; asks first once the run has steps (r)">
        Reset
      </button>
    </div>
  );
}
