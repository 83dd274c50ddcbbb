import { useEffect } from 'react';
import { fixed1 } from '../../ui/format';
import { duration, STATUS_LABEL } from './format';
import { ImportModel } from './ImportModel';
import { RunActions } from './RunActions';
import { RunName } from './RunName';
import { runsActions, useRuns } from './runsStore';
import { PanelTools } from '../../ui/PanelTools';
import { raceSavedRuns } from '../Race/startRace';

/** Every run kept in this browser, newest first, with what can be done to each. */
export function RunsTable() {
  const runs = useRuns((s) => s.runs);
  const compare = useRuns((s) => s.compare);
  const current = useRuns((s) => s.currentRunId);
  const notice = useRuns((s) => s.notice);
  useEffect(() => {
    void runsActions.refresh();
  }, []);
  const ticked = compare.map((id) => runs.find((r) => r.id === id)).filter((r) => r !== undefined);
  const pair = ticked.length === 2 ? ticked : null;
  const groups = [...new Set(runs.map((r) => r.group).filter((g): g is string => !!g))];
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Saved runs</h2>
      <PanelTools id="runs" title="Saved runs" />
      <p className="panel-note">Every run is saved in this browser as it trains (every few seconds and at each epoch end). Tick runs to compare them below; tick two to race them.</p>
      <ImportModel />
      {notice ? (
        <div className={`runs-notice runs-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="runs-notice">
          <p>{notice.text}</p>
          <button type="button" className="btn btn-quiet btn-small" onClick={runsActions.dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      {groups.length ? (
        <div className="run-groups" role="group" aria-label="Groups of imported runs">
          <span>Groups:</span>
          {groups.map((g) => (
            <button key={g} type="button" className="btn btn-small" data-group={g} onClick={() => void runsActions.compareGroup(g)}>
              Compare “{g}” ({runs.filter((r) => r.group === g).length})
            </button>
          ))}
        </div>
      ) : null}
      {pair ? (
        <p className="run-race">
          <button type="button" className="btn btn-small" data-testid="race-ticked" onClick={() => raceSavedRuns(pair[0], pair[1])}>
            Race “{pair[0].name}” against “{pair[1].name}”
          </button>{' '}
          both train side by side in the Race view.
        </p>
      ) : null}
      {runs.length === 0 ? (
        <p className="runs-empty">No runs yet: press Train or Step in the Train view, or load a preset below.</p>
      ) : (
        <div className="runs-scroll">
          <table className="runs-table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col" className="num">Step</th>
                <th scope="col" className="num">Train nELBO</th>
                <th scope="col" className="num">Validation nELBO</th>
                <th scope="col" className="num">Time</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-run-id={r.id} className={r.id === current ? 'run-current' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Compare ${r.name}`} checked={compare.includes(r.id)} onChange={() => void runsActions.toggleCompare(r.id)} />
                  </td>
                  <th scope="row">
                    <RunName run={r} />
                    {r.group ? <span className="run-group">{r.group}</span> : null}
                  </th>
                  <td>{r.id === current ? 'in the Train view' : STATUS_LABEL[r.status]}</td>
                  <td className="num">{r.step}</td>
                  <td className="num">{fixed1(r.final.train?.nelbo)}</td>
                  <td className="num">{fixed1(r.final.test?.nelbo)}</td>
                  <td className="num">{duration(r.trainingMs)}</td>
                  <td>
                    <RunActions run={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
