import { ProgressBar } from '../../ui/ProgressBar';
import type { TaskProgress } from './useAnalysisTask';

interface Props {
  runLabel: string;
  busy: boolean;
  /** Why Run is unavailable (a field error), or null. */
  blocked: string | null;
  progress: TaskProgress | null;
  error: string | null;
  onRun(): void;
  onCancel(): void;
  testId: string;
}

/** Run and Cancel, the progress of what runs, and the last error, for one analysis panel. */
export function TaskControls({ runLabel, busy, blocked, progress, error, onRun, onCancel, testId }: Props) {
  return (
    <div className="stats-task">
      <div className="stats-task-buttons">
        <button type="button" className="btn btn-primary" disabled={busy || blocked !== null} onClick={onRun} title={blocked ?? undefined}>
          {runLabel}
        </button>
        <button type="button" className="btn" disabled={!busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {busy ? (
        <ProgressBar testId={`${testId}-progress`} value={progress?.done ?? 0} max={progress?.total ?? 1} label={progress ? `${progress.label}: ${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : 'Starting…'} />
      ) : null}
      {error ? (
        <p className={error === 'Cancelled.' ? 'stats-cancelled' : 'stats-error'} role={error === 'Cancelled.' ? 'status' : 'alert'} data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
