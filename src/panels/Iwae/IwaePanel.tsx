import { useState } from 'react';
import type { IwaeRequest, IwaeResult } from '../../protocol';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import type { NumberSpec } from '../StatsCommon/numberForm';
import { TaskControls } from '../StatsCommon/TaskControls';
import { useAnalysisTask } from '../StatsCommon/useAnalysisTask';
import { useNumberForm } from '../StatsCommon/useNumberForm';
import { IwaeFigures } from './IwaeFigures';
import { PanelTools } from '../../ui/PanelTools';

const SPECS = {
  limit: { label: 'Images', integer: true, min: 1, max: 10_000 },
  samples: { label: 'Importance samples k', integer: true, min: 1, max: 5000 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
} satisfies Record<string, NumberSpec>;

const SPLITS = [
  { value: 'test', label: 'Test' },
  { value: 'train', label: 'Training' },
];

/** The importance-weighted log-likelihood bound beside the ELBO of the same images and samples. */
export function IwaePanel() {
  const form = useNumberForm(SPECS, { limit: '100', samples: '1000', seed: '1' });
  const [split, setSplit] = useState<IwaeRequest['split']>('test');
  const [result, setResult] = useState<IwaeResult | null>(null);
  const task = useAnalysisTask();

  const run = () => {
    const v = form.values;
    if (!v) return;
    void task.start(async (analyze) => {
      setResult(await analyze({ kind: 'iwae', split, ...v }));
    });
  };

  return (
    <section className="panel stats-panel" aria-labelledby="iwae-title">
      <h2 id="iwae-title">Log-likelihood (importance-weighted)</h2>
      <PanelTools id="iwae" title="Log-likelihood (importance-weighted)" />
      <p className="panel-note">
        log p(x) ≥ log (1/k) Σ p(x, zᵢ)/q(zᵢ|x) with zᵢ ~ q(z|x): a bound that tightens towards log p(x) as k grows, unlike the ELBO. Papers report it with k = 5,000.
      </p>
      <form className="stats-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <SelectField id="iwae-split" label="Split" value={split} options={SPLITS} onChange={(v) => setSplit(v as IwaeRequest['split'])} />
        <NumberField id="iwae-limit" label={SPECS.limit.label} value={form.texts.limit} onChange={form.set('limit')} error={form.errors.limit} hint="The first ones of the split." integer />
        <NumberField
          id="iwae-samples"
          label={SPECS.samples.label}
          value={form.texts.samples}
          onChange={form.set('samples')}
          error={form.errors.samples}
          hint="Time grows with k × images: k = 5,000 on 1,000 images takes many minutes."
          integer
        />
        <NumberField id="iwae-seed" label={SPECS.seed.label} value={form.texts.seed} onChange={form.set('seed')} error={form.errors.seed} integer />
        <TaskControls testId="iwae" runLabel="Estimate" busy={task.busy} blocked={form.firstError} progress={task.progress} error={task.error} onRun={run} onCancel={task.cancel} />
      </form>
      <div className="stats-results">
        <IwaeFigures result={result} />
      </div>
    </section>
  );
}
