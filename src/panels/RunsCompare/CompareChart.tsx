import { useEffect, useRef, useState } from 'react';
import type { PlotlyStatic } from 'plotly.js-strict-dist-min';
import { seriesToCsv } from '../Curves/csv';
import { loadPlotly } from '../../ui/loadPlotly';
import { PLOT_CONFIG } from '../../ui/plotTheme';
import { freshLayout } from './compareLayout';
import { useRuns } from '../Runs/runsStore';
import { saveText } from '../../ui/saveFile';
import { compareSeries, compareTraces, METRIC_LABEL, type CompareMetric } from './compareSpec';

/** The chosen runs' curves overlaid in one chart (seed 001 Figs. 1–2), one metric at a time. */
export function CompareChart() {
  const ref = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyStatic | null>(null);
  const [metric, setMetric] = useState<CompareMetric>('nelbo');
  const runs = useRuns((s) => s.runs);
  const compare = useRuns((s) => s.compare);
  const histories = useRuns((s) => s.histories);
  const chosen = compare.map((id) => runs.find((r) => r.id === id)).filter((r) => r !== undefined);
  const series = compareSeries(chosen, histories, metric);

  useEffect(() => {
    let live = true;
    loadPlotly()
      .then((p) => live && setPlotly(() => p))
      .catch((err: unknown) => console.error('Comparison chart failed:', err));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    const layout = freshLayout();
    layout.yaxis = { ...(layout.yaxis as object), title: { text: `${METRIC_LABEL[metric]}, nats per image` } };
    void plotly.react(div, compareTraces(series, metric), layout, PLOT_CONFIG);
  });
  useEffect(() => () => {
    if (plotly && ref.current) plotly.purge(ref.current);
  }, [plotly]);

  return (
    <div className="compare-chart">
      <div className="compare-tools">
        <label htmlFor="compare-metric">Curve</label>
        <select id="compare-metric" value={metric} onChange={(e) => setMetric(e.target.value as CompareMetric)}>
          <option value="nelbo">nELBO (Fig. 1)</option>
          <option value="kl">KL (Fig. 2)</option>
          <option value="recon">Reconstruction</option>
        </select>
        <button
          type="button"
          className="btn btn-small"
          aria-label="Save compared curves as CSV"
          disabled={series.length === 0}
          onClick={() => saveText(seriesToCsv(series), `compare-${metric}.csv`, 'text/csv')}
        >
          CSV
        </button>
      </div>
      {/* No empty axes: the chart appears with the first ticked run. */}
      {chosen.length === 0 ? (
        <p className="panel-note compare-empty">Tick runs in the list above to overlay their curves here.</p>
      ) : (
        <div className="compare-plot" data-testid="compare-chart" ref={ref} />
      )}
    </div>
  );
}
