import { useRef } from 'react';
import { TrainButtons } from '../panels/Controls/TrainButtons';
import { StatusBar } from '../panels/StatusBar/StatusBar';
import { useHeightVar } from '../ui/useHeightVar';
import { SettingsToggle } from './SettingsToggle';
import './runBar.css';

/**
 * The running model's controls and figures, stuck to the top of the window in every view and at
 * every size: whatever a person scrolls to, they can see whether the loss falls and pause it.
 */
export function RunBar() {
  const ref = useRef<HTMLDivElement>(null);
  // Its height, for layers fixed to the window that must leave it in sight (a lesson's full-screen panel).
  useHeightVar(ref, '--run-bar-h');
  return (
    <div ref={ref} className="run-bar" data-testid="run-bar">
      <TrainButtons />
      <SettingsToggle />
      <StatusBar />
    </div>
  );
}
