import type { GmmResult } from '../../protocol';
import { StaticGrid } from '../StatsCommon/StaticGrid';

/** What a fit gave: iterations, NMI, and the sample grid beside the prior's. */
export function GmmResultView({ result: r }: { result: GmmResult | null }) {
  const ae = r?.objective === 'autoencoder';
  const final = r ? r.logLikelihood[r.logLikelihood.length - 1] : NaN;
  return (
    <div className="gmm-result">
      {r ? (
        <dl className="stats-figures" aria-label="GMM fit">
          <div>
            <dt>EM</dt>
            <dd data-testid="gmm-iterations">{r.converged ? `converged after ${r.iterations} iterations` : `stopped at the cap of ${r.iterations} iterations`}</dd>
          </div>
          <div>
            <dt>Final log-likelihood</dt>
            <dd>{final.toFixed(3)} nats per point ({r.count.toLocaleString()} points, {r.dim}-d)</dd>
          </div>
          <div>
            <dt>NMI with the true labels</dt>
            <dd data-testid="gmm-nmi">{r.nmi.toFixed(3)}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd>{r.seconds.toFixed(1)} s</dd>
          </div>
        </dl>
      ) : null}
      <div className="stats-grids">
        <figure>
          <figcaption>{r?.source === 'pixels' ? 'Samples of the pixel GMM, scaled up' : 'Decoded GMM samples'}</figcaption>
          <StaticGrid grid={r?.samples ?? null} testId="gmm-sample-grid" label="100 images sampled from the Gaussian mixture" placeholder="Fit a GMM to see 100 of its samples." />
        </figure>
        {r?.prior ? (
          <figure>
            <figcaption>Prior samples, z ~ N(0, I)</figcaption>
            <StaticGrid grid={r.prior} testId="gmm-prior-grid" label="100 images decoded from draws of the prior N(0, I)" placeholder="" />
          </figure>
        ) : null}
      </div>
      {ae ? (
        <p className="stats-note">
          This model is a plain autoencoder: nothing pulled its codes towards N(0, I), so prior draws decode poorly, while the GMM fitted to its codes makes it a generator.
        </p>
      ) : null}
    </div>
  );
}
