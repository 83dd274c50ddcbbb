import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { configDifferences } from '../../config/configDiff';
import { raceFeeds } from '../../store/feeds';
import { raceStore } from '../../store/stores';
import { PanelTools } from '../../ui/PanelTools';
import { RaceControls } from './RaceControls';
import { RaceLane } from './RaceLane';
import { RaceScrubber } from './RaceScrubber';
import { RaceStart } from './RaceStart';
import './race.css';

/** Two runs side by side on one timeline, or how to start a race when none is on. */
export function RacePanel() {
  const entries = useStore(raceStore, (s) => s.entries);
  const live = useStore(raceStore, (s) => s.live);
  const message = useStore(raceStore, (s) => s.message);
  const runIds = useStore(raceStore, useShallow((s) => s.tracks.map((t) => t.runId)));
  const differences = useMemo(() => (entries ? configDifferences(entries[0].config, entries[1].config) : []), [entries]);
  return (
    <section className="panel race-panel" aria-labelledby="race-title" data-live={live}>
      <div className="race-top">
        <h2 id="race-title" tabIndex={-1}>{live ? 'Race' : 'Race two runs'}</h2>
        {live ? <RaceControls /> : null}
        <PanelTools id="race" title="Race" />
      </div>
      {message ? (
        <p className="race-message" role="status" data-testid="race-message">
          {message}
        </p>
      ) : null}
      {live && entries ? (
        <>
          {runIds[0] && runIds[1] ? <RaceScrubber runIds={[runIds[0], runIds[1]]} names={[entries[0].name, entries[1].name]} /> : null}
          <div className="race-lanes">
            {raceFeeds.map((feed, i) => (
              <RaceLane key={i} lane={i as 0 | 1} runId={runIds[i]} name={entries[i].name} differences={differences} feed={feed} />
            ))}
          </div>
        </>
      ) : (
        <RaceStart />
      )}
    </section>
  );
}
