import { useRef, useState } from 'react';
import type { ProbeRequest, ProbeResult } from '../../protocol';
import { NumberField } from '../../ui/NumberField';
import { Chart } from '../StatsCommon/Chart';
import type { LineChart, Series } from '../StatsCommon/LineChart';
import type { NumberSpec } from '../StatsCommon/numberForm';
import { TaskControls } from '../StatsCommon/TaskControls';
import { useAnalysisTask } from '../StatsCommon/useAnalysisTask';
import { useNumberForm } from '../StatsCommon/useNumberForm';
import { ProbeAccuracies } from './ProbeAccuracies';
import { PanelTools } from '../../ui/PanelTools';

const SPECS = {
  trainLimit: { label: 'Training images', integer: true, min: 10, max: 60_000 },
  valLimit: { label: 'Validation images', integer: true, min: 1, max: 10_000 },
  hidden: { label: 'Hidden units', integer: true, min: 1, max: 1024 },
  epochs: { label: 'Epochs', integer: true, min: 1, max: 100 },
  batchSize: { label: 'Batch size', integer: true, min: 1, max: 4096 },
  learningRate: { label: 'Learning rate', min: 0, max: 1, minExclusive: true },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
} satisfies Record<string, NumberSpec>;

const INPUTS = ['latent', 'pixels'] as const;
const COLORS = { latent: '#2f5fd0', pixels: '#d9822b' };
const NAMES = { latent: 'latent means', pixels: 'pixels' };
const LOSS_SERIES: Series[] = INPUTS.flatMap((i) => [
  { name: `${NAMES[i]}: train`, color: COLORS[i] },
  { name: `${NAMES[i]}: validation`, color: COLORS[i], dash: 'dot' as const },
]);
const ACC_SERIES: Series[] = INPUTS.map((i) => ({ name: NAMES[i], color: COLORS[i] }));

/** The same small MLP classifier on frozen latent means and on pixels, curves streamed, accuracies side by side. */
export function ProbePanel() {
  const form = useNumberForm(SPECS, { trainLimit: '10000', valLimit: '2000', hidden: '64', epochs: '5', batchSize: '64', learningRate: '0.001', seed: '1' });
  const [results, setResults] = useState<Partial<Record<ProbeRequest['input'], ProbeResult>>>({});
  const loss = useRef<LineChart | null>(null);
  const acc = useRef<LineChart | null>(null);
  const task = useAnalysisTask();

  const run = () => {
    const v = form.values;
    if (!v) return;
    void task.start(async (analyze) => {
      setResults({});
      loss.current?.clear(LOSS_SERIES);
      acc.current?.clear(ACC_SERIES);
      for (const [n, input] of INPUTS.entries()) {
        const r = await analyze({ kind: 'probe', input, ...v }, (p) => {
          loss.current?.extend([
            { series: 2 * n, x: p.epoch, y: p.trainLoss },
            { series: 2 * n + 1, x: p.epoch, y: p.valLoss },
          ]);
          acc.current?.extend([{ series: n, x: p.epoch, y: p.valAccuracy }]);
        });
        setResults((old) => ({ ...old, [input]: r }));
      }
    });
  };

  return (
    <section className="panel stats-panel" aria-labelledby="probe-title">
      <h2 id="probe-title">Classifier probes</h2>
      <PanelTools id="probe" title="Classifier probes" />
      <p className="panel-note">
        One hidden layer of relu units, softmax and Adam, trained on the encoder's latent means (the encoder stays frozen) and, for comparison, on the pixels. Validation uses held-out test images.
      </p>
      <form className="stats-form" onSubmit={(e) => e.preventDefault()} noValidate>
        {(Object.keys(SPECS) as (keyof typeof SPECS)[]).map((key) => (
          <NumberField key={key} id={`probe-${key}`} label={SPECS[key].label} value={form.texts[key]} onChange={form.set(key)} error={form.errors[key]} integer={(SPECS[key] as NumberSpec).integer} />
        ))}
        <TaskControls testId="probe" runLabel="Train probes" busy={task.busy} blocked={form.firstError} progress={task.progress} error={task.error} onRun={run} onCancel={task.cancel} />
      </form>
      <div className="stats-results">
        <div className="stats-chart-pair">
          <Chart chart={loss} testId="probe-loss-chart" label="Training and validation cross-entropy of both probes" xTitle="epoch" yTitle="cross-entropy (nats)" placeholder="Loss curves appear as the probes train." />
          <Chart chart={acc} testId="probe-accuracy-chart" label="Validation accuracy of both probes" xTitle="epoch" yTitle="validation accuracy" yRange={[0, 1]} placeholder="Validation accuracy appears as the probes train." />
        </div>
        <ProbeAccuracies results={results} />
      </div>
    </section>
  );
}
