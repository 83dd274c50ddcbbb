import { useState } from 'react';
import { useRuns } from '../panels/Runs/runsStore';
import { useTraining } from '../ui/stores';
import { remember, WELCOME_DISMISSED_KEY, welcomeDismissed } from './firstRun';

/** A one-line welcome for the first visits, until dismissed (remembered in this browser); never beside a resume question. */
export function WelcomeNote() {
  const [shown, setShown] = useState(() => !welcomeDismissed());
  const training = useTraining((s) => s.state === 'training');
  const dataset = useTraining((s) => s.dataset?.name ?? 'MNIST');
  // After a reload with an unfinished run, "Resume run from step N?" is the one question on screen.
  const resumable = useRuns((s) => s.resumable !== null);
  if (!shown || resumable) return null;
  return (
    <div className="app-note welcome-note" role="region" aria-label="Welcome" data-testid="welcome-note">
      <p>
        {training ? (
          <>
            <strong>Training a VAE on {dataset}</strong> — <span className="key-hint">pause with Space</span>
            <span className="touch-hint">tap Pause to stop</span>, then
          </>
        ) : (
          <>
            <strong>
              Press Train<span className="key-hint"> (or Space)</span> to train a VAE
            </strong>
            , then
          </>
        )}{' '}
        explore its latent space in Explore or draw a digit for it to complete in Draw &amp; complete.
      </p>
      <button
        type="button"
        className="btn btn-quiet btn-small"
        aria-label="Dismiss the welcome note"
        onClick={() => {
          remember(WELCOME_DISMISSED_KEY);
          setShown(false);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
