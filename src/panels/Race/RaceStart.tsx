import { useStore } from 'zustand';
import { durationText, estimateSeconds } from '../../config/runTime';
import { RACE_PAIRS } from '../../config/racePairs';
import { raceStore } from '../../store/stores';
import { viewStore } from '../../store/view';

const actions = raceStore.getState().actions;

/** How a race starts: a curated pair, two presets of a group, two ticked runs; or the last race again. */
export function RaceStart() {
  const entries = useStore(raceStore, (s) => s.entries);
  const canReopen = useStore(raceStore, (s) => s.tracks.every((t) => t.runId !== null));
  return (
    <div className="race-start">
      {entries && canReopen ? (
        <p className="race-reopen">
          The last race: <strong>{entries[0].name}</strong> against <strong>{entries[1].name}</strong>.{' '}
          <button type="button" className="btn btn-small" onClick={actions.reopen} data-testid="race-reopen">
            Reopen this race
          </button>
        </p>
      ) : null}
      <p className="panel-note">
        Two runs train at once, side by side, the same panels for each. Pick a pair below, press <em>Race these two</em> on a group of presets, or tick two runs in{' '}
        <button type="button" className="btn btn-small" onClick={() => viewStore.getState().show('runs', { focus: true })}>
          Runs
        </button>{' '}
        and press <em>Race</em>.
      </p>
      <ul className="race-pairs">
        {RACE_PAIRS.map((p) => {
          const slower = Math.max(...p.sides.map((s) => estimateSeconds(s.config)));
          return (
            <li key={p.id}>
              <button type="button" className="btn" data-race-pair={p.id} onClick={() => actions.start(p.sides[0], p.sides[1])} title={`Starts both runs at once (${durationText(slower)} for the slower on a typical laptop; racing shares the computer, so both take longer)`}>
                {p.title}
              </button>
              <span className="race-pair-look">{p.lookAt}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
