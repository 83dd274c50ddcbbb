import { runsActions, useRuns } from '../Runs/runsStore';

/** What became of the model a link named (#model=): downloading, opened, or why it was refused. */
export function ModelLinkNotice() {
  const note = useRuns((s) => s.modelLink);
  if (!note) return null;
  return (
    <div className={`link-notice model-link-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'} data-testid="model-link-notice">
      <p>{note.text}</p>
      {note.kind !== 'loading' ? (
        <button type="button" className="btn btn-quiet btn-small" onClick={() => runsActions.dismissModelLink()}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
