import { useRef, useState } from 'react';
import type { GmmRequest, GmmResult } from '../../protocol';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { Chart } from '../StatsCommon/Chart';
import type { LineChart } from '../StatsCommon/LineChart';
import type { NumberSpec } from '../StatsCommon/numberForm';
import { TaskControls } from '../StatsCommon/TaskControls';
import { useAnalysisTask } from '../StatsCommon/useAnalysisTask';
import { useNumberForm } from '../StatsCommon/useNumberForm';
import { GmmResultView } from './GmmResultView';
import { PanelTools } from '../../ui/PanelTools';

const SPECS = {
  components: { label: 'Components k', integer: true, min: 1, max: 100 },
  limit: { label: 'Training images', integer: true, min: 1, max: 60_000 },
  maxIter: { label: 'Max iterations', integer: true, min: 1, max: 10_000 },
  tol: { label: 'Tolerance', min: 0, max: 1e6 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
} satisfies Record<string, NumberSpec>;

const SOURCES = [
  { value: 'latent', label: 'Latent means' },
  { value: 'pixels', label: 'Pixels, pooled' },
];
const POOLS = [
  { value: '4', label: '4× smaller (28×28 → 7×7)' },
  { value: '2', label: '2× smaller (28×28 → 14×14)' },
];
const COVARIANCES = [
  { value: 'diag', label: 'Diagonal' },
  { value: 'full', label: 'Full (Cholesky)' },
];

/** Gaussian mixture by EM on latent codes or pooled pixels: EM curve, samples, NMI with the labels. */
export function GmmPanel() {
  const form = useNumberForm(SPECS, { components: '10', limit: '10000', maxIter: '100', tol: '0.001', seed: '1' });
  const [source, setSource] = useState<GmmRequest['source']>('latent');
  const [pool, setPool] = useState('4');
  const [covariance, setCovariance] = useState<GmmRequest['covariance']>('diag');
  const [result, setResult] = useState<GmmResult | null>(null);
  const chart = useRef<LineChart | null>(null);
  const task = useAnalysisTask();

  const run = () => {
    const v = form.values;
    if (!v) return;
    const request = { kind: 'gmm' as const, source, pool: Number(pool), covariance, ...v };
    void task.start(async (analyze) => {
      chart.current?.clear([{ name: 'log-likelihood', color: '#2f5fd0' }]);
      const r = await analyze(request, (p) => chart.current?.extend([{ series: 0, x: p.iteration, y: p.logLikelihood }]));
      setResult(r);
    });
  };

  const num = (key: keyof typeof SPECS, hint?: string) => (
    <NumberField id={`gmm-${key}`} label={SPECS[key].label} value={form.texts[key]} onChange={form.set(key)} error={form.errors[key]} hint={hint} integer={(SPECS[key] as NumberSpec).integer} />
  );
  return (
    <section className="panel stats-panel" aria-labelledby="gmm-title">
      <h2 id="gmm-title">Gaussian mixture (EM)</h2>
      <PanelTools id="gmm" title="Gaussian mixture (EM)" />
      <p className="panel-note">
        Fits k Gaussians to the training set's latent means, or to its pixels shrunk by averaging, starting from k-means++ centres. Sampling the mixture turns even a plain autoencoder into a generator.
      </p>
      <form className="stats-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <SelectField id="gmm-source" label="Fit to" value={source} options={SOURCES} onChange={(v) => setSource(v as GmmRequest['source'])} hint="Posterior means of training images, or the images shrunk by averaging." />
        {source === 'pixels' ? <SelectField id="gmm-pool" label="Pooling" value={pool} options={POOLS} onChange={setPool} /> : null}
        {num('components')}
        <SelectField id="gmm-covariance" label="Covariance" value={covariance} options={COVARIANCES} onChange={(v) => setCovariance(v as GmmRequest['covariance'])} hint={covariance === 'full' && source === 'pixels' && pool === '2' ? 'Full covariance of 196 pixels is slow: seconds per iteration.' : undefined} />
        {num('limit', 'The first ones of the training split.')}
        {num('maxIter')}
        {num('tol', 'Stop when the mean log-likelihood per point changes by less.')}
        {num('seed')}
        <TaskControls testId="gmm" runLabel="Fit GMM" busy={task.busy} blocked={form.firstError} progress={task.progress} error={task.error} onRun={run} onCancel={task.cancel} />
      </form>
      <div className="stats-results">
        <Chart chart={chart} testId="gmm-chart" label="Mean log-likelihood per point at each EM iteration" xTitle="EM iteration" yTitle="log-likelihood per point (nats)" placeholder="The log-likelihood of each EM iteration appears here." />
        <GmmResultView result={result} />
      </div>
    </section>
  );
}
