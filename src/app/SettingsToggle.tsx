import { useStore } from 'zustand';
import { viewStore } from '../store/view';
import { useDisplay } from '../ui/useDisplay';

/** In Presenter mode the settings fold into a drawer, so the chart gets the screen; this opens it. */
export function SettingsToggle() {
  const presenter = useDisplay((s) => s.presenter);
  const open = useStore(viewStore, (s) => s.settingsOpen);
  if (!presenter) return null;
  return (
    <button
      type="button"
      className="btn settings-toggle"
      aria-expanded={open}
      aria-controls="experiment-settings"
      title="Show or hide the experiment settings"
      onClick={() => viewStore.getState().setSettingsOpen(!open)}
    >
      Settings
    </button>
  );
}
