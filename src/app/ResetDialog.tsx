import { promptsActions, trainingActions, usePrompts, useTraining } from '../ui/stores';
import { Dialog } from './Dialog';

/** "Reset the model?": asked by the Reset button and the `r` key before a run with progress is dropped. */
export function ResetDialog() {
  const open = usePrompts((s) => s.reset);
  const step = useTraining((s) => s.step);
  return (
    <Dialog id="reset-confirm" title="Reset the model?" open={open} onClose={promptsActions.closeReset}>
      <p>
        This forgets the trained weights ({step.toLocaleString('en')} steps) and starts over from step 0. The run so far stays in
        Runs.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="btn" autoFocus onClick={promptsActions.closeReset}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            trainingActions.reset();
            promptsActions.closeReset();
          }}
        >
          Reset
        </button>
      </div>
    </Dialog>
  );
}
