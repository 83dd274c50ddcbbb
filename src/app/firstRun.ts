import { runsStore } from '../panels/Runs/runsStore';
import { trainingStore } from '../store/stores';

/** Set once a visitor has seen the app: later visits never start training on their own. */
export const VISITED_KEY = 'vae-playground:visited';
/** Set when the welcome note is dismissed. */
export const WELCOME_DISMISSED_KEY = 'vae-playground:welcome-dismissed';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): behave as a returning visitor would not
  }
}

export function remember(key: string): void {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Nothing to remember with: the note comes back next time, which is harmless.
  }
}

export function welcomeDismissed(): boolean {
  return read(WELCOME_DISMISSED_KEY) !== null;
}

let firstVisit: boolean | null = null;

/**
 * Decided once per page load (React may run effects twice): nothing remembered, no config in the
 * link (`hadHash`, read before the link sync writes the config into the address), and storage
 * that can remember the visit (else training would restart on every visit).
 */
function isFirstVisit(hadHash: boolean): boolean {
  if (firstVisit === null) {
    const before = read(VISITED_KEY);
    remember(VISITED_KEY);
    firstVisit = before === null && !hadHash && read(VISITED_KEY) !== null;
  }
  return firstVisit;
}

/**
 * A first visit starts training on the default config, so the page shows a model learning
 * instead of empty charts. It waits for the trainer's answer about an unfinished run: a run to
 * resume is offered, never overwritten. Returns the unsubscribe.
 */
export function startFirstRun(hadHash: boolean): () => void {
  if (!isFirstVisit(hadHash)) return () => {};
  const tryStart = () => {
    const { resumeChecked, resumable } = runsStore.getState();
    if (!resumeChecked) return false;
    firstVisit = false;
    const t = trainingStore.getState();
    if (!resumable && t.state === 'idle' && t.step === 0) t.actions.train();
    return true;
  };
  if (tryStart()) return () => {};
  const off = runsStore.subscribe(() => {
    if (tryStart()) off();
  });
  return off;
}
