import type { IwaeResult } from '../../protocol';

const nats = (v: number, se: number) => `${v.toFixed(2)} ± ${se.toFixed(2)}`;

/** The bound, the ELBO and their gap, each with its standard error over images. */
export function IwaeFigures({ result: r }: { result: IwaeResult | null }) {
  if (!r) return <p className="stats-placeholder">Run an estimate to compare the bound with the ELBO.</p>;
  return (
    <div>
      <dl className="stats-figures stats-side-by-side" aria-label="Log-likelihood estimates">
        <div>
          <dt>IWAE bound, k = {r.samples.toLocaleString()}</dt>
          <dd className="stats-big" data-testid="iwae-estimate">
            {nats(r.iwae, r.iwaeStdErr)}
          </dd>
        </div>
        <div>
          <dt>ELBO (same images and samples)</dt>
          <dd className="stats-big" data-testid="iwae-elbo">
            {nats(r.elbo, r.elboStdErr)}
          </dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd className="stats-big" data-testid="iwae-gap">
            {nats(r.gap, r.gapStdErr)}
          </dd>
        </div>
      </dl>
      <p className="stats-small">
        Nats per image, mean ± standard error over {r.count.toLocaleString()} {r.split === 'test' ? 'test' : 'training'} images; {r.seconds.toFixed(1)} s.
        {r.discrete ? '' : ' This likelihood is a density of continuous pixels, so these are log-densities: they can be positive and compare only across models of the same data scale.'}
      </p>
    </div>
  );
}
