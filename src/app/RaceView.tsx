import { RacePanel } from '../panels/Race/RacePanel';

/** Two runs side by side: the Train view's run (run bar) and a second trainer's. */
export function RaceView() {
  return (
    <div className="race-view">
      <RacePanel />
    </div>
  );
}
