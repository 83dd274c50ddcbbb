import { useState, type KeyboardEvent } from 'react';
import type { RunSummary } from '../../protocol';
import { runsActions } from './runsStore';

/** A run's name, or while renaming, a field for it (Enter saves, Escape cancels). */
export function RunName({ run }: { run: RunSummary }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <span className="run-name">
        <span>{run.name}</span>
        <button type="button" className="btn btn-quiet btn-small" aria-label={`Rename ${run.name}`} onClick={() => setDraft(run.name)}>
          Rename
        </button>
      </span>
    );
  }
  const save = async () => {
    if (await runsActions.rename(run.id, draft)) setDraft(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') void save();
    if (e.key === 'Escape') setDraft(null);
  };
  return (
    <span className="run-name">
      <input aria-label={`New name for ${run.name}`} value={draft} autoFocus maxLength={120} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
      <button type="button" className="btn btn-small" onClick={() => void save()}>
        Save name
      </button>
      <button type="button" className="btn btn-quiet btn-small" onClick={() => setDraft(null)}>
        Cancel
      </button>
    </span>
  );
}
