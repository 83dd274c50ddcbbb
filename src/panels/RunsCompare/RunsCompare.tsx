import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';

export function RunsCompare() {
  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare runs</h2>
      <p className="panel-note">Lines follow training; diamonds mark the validation split after each epoch. Densities (Gaussian, Beta, logit-normal) are on another scale than Bernoulli or categorical nats.</p>
      <CompareChart />
      <CompareTable />
    </section>
  );
}
