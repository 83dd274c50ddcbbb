import { useEffect, useRef } from 'react';
import { isFreshRun, onTrainerEvent } from '../../store/trainer';
import { timelineStore } from '../../store/stores';
import { PanelTools } from '../../ui/PanelTools';
import { saveCanvas, saveText } from '../../ui/saveFile';
import { seriesToCsv } from './csv';
import { CurvesPlaceholder } from './CurvesPlaceholder';
import { CurvesSummary } from './CurvesSummary';
import { ElboFormula } from './ElboFormula';
import { historyToMetrics } from './history';
import { LossChart } from './LossChart';

/** Mounts the chart; from then on the chart itself, not React, draws every point. */
export function Curves() {
  const ref = useRef<HTMLDivElement>(null);
  const plotRef = useRef<LossChart | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new LossChart(ref.current);
    plotRef.current = plot;
    const off = onTrainerEvent((e) => {
      if (e.type === 'metrics') plot.append(e);
      // A resumed or imported run: its saved curves, which new points continue.
      else if (e.type === 'history') plot.loadHistory(historyToMetrics(e.history), e.history.notes);
      else if (e.type === 'note') plot.addNote(e.step, e.text);
      else if (isFreshRun(e)) plot.reset();
    });
    // The training timeline's moment of the run shown here: a line on the curves.
    const mark = () => {
      const s = timelineStore.getState();
      plot.setMoment(s.currentRunId ? (s.runs[s.currentRunId]?.moment ?? null) : null);
    };
    mark();
    const offMoment = timelineStore.subscribe(mark);
    return () => {
      off();
      offMoment();
      plotRef.current = null;
      plot.destroy();
    };
  }, []);
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
