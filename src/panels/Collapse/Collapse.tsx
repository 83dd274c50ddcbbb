import { useState } from 'react';
import type { AnalysisResultOf } from '../../protocol';
import { SelectField } from '../../ui/SelectField';
import { ExplorePanel } from '../Explore/ExplorePanel';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';
import { BarChart } from './BarChart';

type Stats = AnalysisResultOf<'collapse'>;
const LIMITS = [256, 1000, 10000].map((n) => ({ value: String(n), label: n.toLocaleString('en') }));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Which latent dimensions the model uses: KL per dimension, active units, singular values. */
export function Collapse() {
  const [limit, setLimit] = useState(1000);
  const [stats, setStats] = useState<Stats | null>(null);
  const live = useLiveAnalysis<'collapse'>({
    build: () => ({ kind: 'collapse', limit }),
    onResult: setStats,
    onClear: () => setStats(null),
    deps: [limit],
  });
  const active = (i: number) => (stats ? stats.activity[i] > stats.threshold : true);
  let cumulative = 0;
  const cum = stats ? Array.from(stats.explained, (v) => (cumulative += v)) : [];
  const to90 = cum.findIndex((c) => c >= 0.9) + 1;
  return (
    <ExplorePanel
      id="collapse"
      title="Posterior collapse"
      note="A dimension whose q(z|x) stays at the prior N(0, 1) for every image costs no KL and carries no information: it has collapsed."
      live={live}
      controls={<SelectField id="collapse-limit" label="Test images used" value={String(limit)} options={LIMITS} onChange={(v) => setLimit(Number(v))} />}
      placeholder="Train or Step to see which latent dimensions the model uses."
      className="explore-wide"
    >
      {stats ? (
        <div className="collapse-body">
          <p className="active-units" data-testid="active-units">
            <strong>
              {stats.activeUnits} of {stats.dim}
            </strong>{' '}
            units active: Cov<sub>x</sub>(E<sub>q</sub>[z<sub>i</sub>]) &gt; {stats.threshold} (Burda et al., 2016), over {stats.count.toLocaleString('en')} test images.
          </p>
          <figure>
            <figcaption>KL(q(z_i|x) ‖ N(0, 1)) per dimension, averaged over the images; muted bars are inactive units.</figcaption>
            <BarChart
              values={stats.klPerDim}
              label={`KL of each latent unit, ${stats.activeUnits} of ${stats.dim} active`}
              testId="kl-bars"
              yLabel="nats, by dimension"
              highlight={active}
              title={(i) => `z${i + 1}: KL ${stats.klPerDim[i].toFixed(3)} nats, Cov_x(E_q[z]) ${stats.activity[i].toFixed(4)}${active(i) ? '' : ' (inactive)'}`}
            />
          </figure>
          <figure>
            <figcaption>
              Singular values of the centred matrix of means (one row per image); {to90 > 0 ? `the first ${to90} explain 90% of the variance` : ''}.
            </figcaption>
            <BarChart
              values={stats.singularValues}
              label="Singular values of the latent-means matrix"
              testId="sv-bars"
              yLabel="singular value, by rank"
              title={(i) => `σ${i + 1} = ${stats.singularValues[i].toFixed(2)}: ${pct(stats.explained[i])} of the variance (${pct(cum[i])} so far)`}
            />
          </figure>
        </div>
      ) : null}
    </ExplorePanel>
  );
}
