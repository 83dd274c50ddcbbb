import { useEffect } from 'react';
import { loadPlotly } from '../ui/loadPlotly';
import { displayActions, type ThemeChoice } from '../store/display';
import { startPlotThemeSync } from '../ui/plotTheme';
import { useDisplay } from '../ui/useDisplay';
import './display.css';

/** Header switches: presenter mode (also `p`), the colour theme, and where to find the shortcuts. */
export function DisplayControls() {
  const presenter = useDisplay((s) => s.presenter);
  const theme = useDisplay((s) => s.theme);
  // Charts already drawn follow a theme or presenter switch; new ones read it when they are drawn.
  useEffect(() => startPlotThemeSync(loadPlotly), []);
  return (
    <div className="display-controls">
      <button
        type="button"
        className="btn btn-small presenter-toggle"
        aria-pressed={presenter}
        title="Presenter mode (p): large type, thick lines, high contrast, fewer controls — for a projector"
        onClick={displayActions.togglePresenter}
      >
        Presenter mode
      </button>
      <label className="theme-choice">
        <span>Theme</span>
        <select value={theme} onChange={(e) => displayActions.setTheme(e.target.value as ThemeChoice)} title="Colour theme; System follows your device's light or dark setting">
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <span className="shortcut-hint secondary">
        Press <kbd>?</kbd> for shortcuts
      </span>
    </div>
  );
}
