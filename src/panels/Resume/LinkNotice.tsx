import { runsActions, useRuns } from '../Runs/runsStore';

/** Names the settings of a shared link that could not be used (the rest were loaded). */
export function LinkNotice() {
  const notes = useRuns((s) => s.linkNotes);
  if (notes.length === 0) return null;
  return (
    <div className="link-notice" role="status" data-testid="link-notice">
      <p>Some settings in this link were ignored; the others are loaded:</p>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="btn btn-quiet btn-small" onClick={() => runsActions.setLinkNotes([])}>
        Dismiss
      </button>
    </div>
  );
}
