import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';
import { PanelTools } from '../../ui/PanelTools';

export function RunsCompare() {
  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare runs</h2>
      <PanelTools id="compare" title="Compare runs" />
      <p className="panel-note">Lines follow training; diamonds mark the validation split after each epoch. Densities (Gaussian, Beta, logit-normal) are on another scale than Bernoulli or categorical nats.</p>
      <CompareChart />
      <CompareTable />
    </section>
  );
}
