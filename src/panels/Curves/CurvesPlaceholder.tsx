import { activityText } from '../StatusBar/activity';
import { useTraining } from '../../ui/stores';

/** Until the first point: what the trainer is doing, or what to press. Never a blank chart. */
export function CurvesPlaceholder() {
  const state = useTraining((s) => s.state);
  const activity = useTraining((s) => s.progress);
  const text =
    state === 'loading'
      ? activity
        ? activityText(activity)
        : 'Getting ready: loading the data and choosing a backend…'
      : state === 'training'
        ? 'The first steps are under way; the curves appear in a moment.'
        : 'Press Train and watch the losses fall.';
  return (
    <p className="curves-placeholder" data-testid="curves-placeholder">
      {text}
    </p>
  );
}
