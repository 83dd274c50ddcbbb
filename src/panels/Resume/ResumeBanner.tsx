import { runsActions, showView, useRuns } from '../Runs/runsStore';

/** "Resume run from step N?": after a reload, a closed tab or a crashed trainer. */
export function ResumeBanner() {
  const run = useRuns((s) => s.resumable);
  if (!run) return null;
  return (
    <div className="resume-banner" role="region" aria-label="Unfinished run" data-testid="resume-banner">
      <p>
        <strong>Resume run from step {run.step}?</strong> “{run.name}” stopped unfinished (epoch {run.epoch + 1} of {run.config.epochs}). Its weights, optimizer state and curves are saved in this browser.
      </p>
      <div className="resume-buttons">
        <button
          type="button"
          className="btn btn-primary"
          aria-label={`Resume the unfinished run from step ${run.step}`}
          onClick={() => {
            runsActions.resume(run, true);
            showView('train');
          }}
        >
          Resume
        </button>
        <button type="button" className="btn" aria-label="Discard the unfinished run" onClick={() => void runsActions.discard(run)} title="Keep it in Saved runs, but do not offer it again">
          Discard
        </button>
      </div>
    </div>
  );
}
