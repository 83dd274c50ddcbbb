import { NONE } from '../../ui/format';
import { duration, nats } from '../Runs/format';
import { useRuns } from '../Runs/runsStore';
import { compareRows } from './compareSpec';

/** Final values of the chosen runs (seed 001 Tables I–II): nELBO, KL and reconstruction, size, time, config. */
export function CompareTable() {
  const runs = useRuns((s) => s.runs);
  const compare = useRuns((s) => s.compare);
  const rows = compareRows(compare.map((id) => runs.find((r) => r.id === id)).filter((r) => r !== undefined));
  if (rows.length === 0) return null;
  return (
    <div className="runs-scroll">
      <table className="runs-table compare-table" data-testid="compare-table">
        <caption>Final values: the last training window, and the last evaluation on the validation (test) split</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="num">Train nELBO</th>
            <th scope="col" className="num">Validation nELBO</th>
            <th scope="col" className="num">Train KL</th>
            <th scope="col" className="num">Validation KL</th>
            <th scope="col" className="num">Train reconstruction</th>
            <th scope="col" className="num">Validation reconstruction</th>
            <th scope="col" className="num">Parameters</th>
            <th scope="col" className="num">Steps</th>
            <th scope="col" className="num">Training time</th>
            <th scope="col">Config</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td className="num">{nats(r.train?.nelbo)}</td>
              <td className="num">{nats(r.test?.nelbo)}</td>
              <td className="num">{nats(r.train?.kl)}</td>
              <td className="num">{nats(r.test?.kl)}</td>
              <td className="num">{nats(r.train?.recon)}</td>
              <td className="num">{nats(r.test?.recon)}</td>
              <td className="num">{r.params === null ? NONE : r.params.toLocaleString('en')}</td>
              <td className="num">{r.step}</td>
              <td className="num">{duration(r.trainingMs)}</td>
              <td className="compare-config">{r.config}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
