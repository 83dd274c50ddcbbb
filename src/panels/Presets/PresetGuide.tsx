import { useStore } from 'zustand';
import { presetStore } from '../../store/preset';
import './presetGuide.css';

/** The running preset's "what to look at", beside the chart it is about; dismissable. */
export function PresetGuide() {
  const active = useStore(presetStore, (s) => s.active);
  if (!active) return null;
  const { group, preset } = active;
  return (
    <aside className="preset-guide" aria-label="What to look at" data-testid="preset-guide">
      <p>
        <strong>
          {preset.label}: {group.title}.
        </strong>{' '}
        <span className="preset-look-label">Look at: </span>
        {group.lookAt}
      </p>
      <p className="preset-guide-source">
        {group.source} · {group.figure}
        {group.reportEpochs ? ` · the report trained ${group.reportEpochs} epochs: set Epochs to ${group.reportEpochs} for the full run` : ''}
      </p>
      <button type="button" className="btn btn-small btn-quiet" aria-label="Dismiss the preset guide" onClick={presetStore.getState().actions.clear}>
        Dismiss
      </button>
    </aside>
  );
}
