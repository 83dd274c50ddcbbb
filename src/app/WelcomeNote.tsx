import { useState } from 'react';
import { useTraining } from '../ui/stores';
import { remember, WELCOME_DISMISSED_KEY, welcomeDismissed } from './firstRun';

/** A one-line welcome for the first visits, until dismissed (remembered in this browser). */
export function WelcomeNote() {
  const [shown, setShown] = useState(() => !welcomeDismissed());
  const training = useTraining((s) => s.state === 'training');
  const dataset = useTraining((s) => s.dataset?.name ?? 'MNIST');
  if (!shown) return null;
  return (
    <div className="app-note welcome-note" role="region" aria-label="Welcome" data-testid="welcome-note">
      <p>
        {training ? (
          <>
            <strong>Training a VAE on {dataset}</strong> — pause with Space, then
          </>
        ) : (
          <>
            <strong>Press Train (or Space) to train a VAE</strong>, then
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
