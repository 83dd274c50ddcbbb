import { useStore } from 'zustand';
import { acceptUpdate, dismissUpdate, updateStore } from './serviceWorker';

/** "A new version is available": offered, never forced; a run in progress is saved as it trains. */
export function UpdateBanner() {
  const waiting = useStore(updateStore, (s) => s.waiting);
  if (!waiting) return null;
  return (
    <div className="app-note update-banner" role="status" data-testid="update-banner">
      <p>A new version is available.</p>
      <div className="app-note-buttons">
        <button type="button" className="btn btn-primary btn-small" onClick={acceptUpdate}>
          Reload
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={dismissUpdate} aria-label="Later: dismiss the update notice">
          Later
        </button>
      </div>
    </div>
  );
}
