import { TrainButtons } from '../panels/Controls/TrainButtons';
import { StatusBar } from '../panels/StatusBar/StatusBar';
import { SettingsToggle } from './SettingsToggle';
import './runBar.css';

/**
 * The running model's controls and figures, stuck to the top of the window in every view and at
 * every size: whatever a person scrolls to, they can see whether the loss falls and pause it.
 */
export function RunBar() {
  return (
    <div className="run-bar" data-testid="run-bar">
      <TrainButtons />
      <SettingsToggle />
      <StatusBar />
    </div>
  );
}
