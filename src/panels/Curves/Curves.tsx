import { PanelTools } from '../../ui/PanelTools';
import { saveCanvas, saveText } from '../../ui/saveFile';
import { seriesToCsv } from './csv';
import { CurvesPlaceholder } from './CurvesPlaceholder';
import { CurvesSummary } from './CurvesSummary';
import { ElboFormula } from './ElboFormula';
import { useLossChart } from './useLossChart';

/** Mounts the chart; from then on the chart itself, not React, draws every point. */
export function Curves() {
  const { ref, plotRef } = useLossChart();
  return (
    <section className="panel panel-curves" aria-labelledby="curves-title">
      <h2 id="curves-title">Loss curves</h2>
      <PanelTools id="curves" title="Loss curves" />
      <div className="curves-frame">
        <div className="curves" data-testid="curves" ref={ref} />
        <CurvesPlaceholder />
      </div>
      <div className="curves-tools secondary">
        <button
          type="button"
          className="btn btn-small"
          title="Save the curves as a CSV file: one row per step, one column per line"
          aria-label="Save loss curves as CSV"
          onClick={() => plotRef.current && saveText(seriesToCsv(plotRef.current.series()), 'loss-curves.csv', 'text/csv')}
        >
          CSV
        </button>
        <button
          type="button"
          className="btn btn-small"
          title="Save the chart as a PNG picture, legend included"
          aria-label="Save loss chart as PNG"
          onClick={() => plotRef.current && saveCanvas(plotRef.current.picture(), 'loss-curves.png')}
        >
          PNG
        </button>
      </div>
      <p className="panel-note">
        Nats per image. nELBO = reconstruction + KL; lines follow training batches (in a long run, means of 2, 4, 8… consecutive batches, so the chart stays quick), diamonds mark the test split after each epoch; a dotted line is the loss the objective minimises where it is not the nELBO, and dashed lines mark mid-run edits.
      </p>
      <ElboFormula />
      <CurvesSummary />
    </section>
  );
}
