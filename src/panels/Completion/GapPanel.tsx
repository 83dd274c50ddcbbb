import { useEffect, useRef } from 'react';
import { ProgressBar } from '../../ui/ProgressBar';
import type { GapResult } from '../../store/completion';
import { FloatImages } from './FloatImages';
import { completionActions, useCompletion } from './instance';
import { SmallPlot } from './SmallPlot';
import { PanelTools } from '../../ui/PanelTools';

function GapChart({ r }: { r: GapResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new SmallPlot(ref.current);
    const x = Array.from(r.labels, (_, i) => i + 1);
    const ticktext = Array.from(r.labels, (l) => String(l));
    const hover = Array.from(r.indices, (idx, i) => `test image #${idx}, a ${r.labels[i]}`);
    const trace = (name: string, y: Float32Array, marker: Record<string, unknown>) => ({
      name,
      type: 'scatter',
      mode: 'markers',
      x,
      y: Array.from(y),
      text: hover,
      hovertemplate: `%{text}<br>${name}: %{y:.1f} nats<extra></extra>`,
      marker: { size: 9, ...marker },
    });
    plot.show(
      [trace('encoder q(z|x)', r.encoder, { color: '#d9822b' }), trace('fitted q(z|Ψ)', r.optimized, { color: '#2f5fd0', symbol: 'diamond' })],
      { xaxis: { title: { text: 'test image (its label)' }, tickvals: x, ticktext }, yaxis: { title: { text: 'ELBO (nats)' } } },
    );
    return () => plot.destroy();
  }, [r]);
  return <div className="gap-chart" data-testid="gap-chart" ref={ref} />;
}

/** Seed 003 task 4a: how much ELBO the encoder leaves on the table, per test image. */
export function GapPanel() {
  const gap = useCompletion((s) => s.gap);
  const r = gap.result;
  const gaps = r ? Array.from(r.optimized, (v, i) => v - r.encoder[i]) : [];
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
  return (
    <section className="panel gap-panel" aria-labelledby="gap-title">
      <div className="panel-head">
        <h2 id="gap-title">Amortization gap</h2>
        <div className="completion-buttons">
          <button type="button" className="btn" disabled={gap.status === 'running'} onClick={completionActions.measureGap}>
            Measure on 10 test images
          </button>
          <button type="button" className="btn" disabled={gap.status !== 'running'} onClick={completionActions.cancelGap}>
            Cancel
          </button>
        </div>
      </div>
      <PanelTools id="gap" title="Amortization gap" />
      <p className="panel-note">
        The ELBO of each whole image with the encoder’s q(z|x), and with a q(z|Ψ) fitted to that image alone (same settings as the encoder-free completion). The difference is the amortization gap: what one encoder for all images gives up.
      </p>
      {gap.status === 'running' ? <ProgressBar value={gap.done} max={gap.total} label={`Fitting: step ${gap.done} of ${gap.total}`} /> : null}
      {gap.message ? (
        <p className={gap.status === 'failed' ? 'field-error' : 'panel-note'} role={gap.status === 'failed' ? 'alert' : 'status'}>
          {gap.message}
        </p>
      ) : null}
      {r ? (
        <div className="gap-results">
          <table className="gap-table" data-testid="gap-table">
            <thead>
              <tr>
                <th scope="col">Test image</th>
                <th scope="col">Label</th>
                <th scope="col" className="num">Encoder ELBO</th>
                <th scope="col" className="num">Fitted ELBO</th>
                <th scope="col" className="num">Gap</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g, i) => (
                <tr key={r.indices[i]}>
                  <td>#{r.indices[i]}</td>
                  <td>{r.labels[i]}</td>
                  <td className="num">{r.encoder[i].toFixed(1)}</td>
                  <td className="num">{r.optimized[i].toFixed(1)}</td>
                  <td className="num">{g.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>Mean gap (nats)</th>
                <td className="num" data-testid="gap-mean">{mean.toFixed(2)}</td>
              </tr>
            </tfoot>
          </table>
          <GapChart r={r} />
          <figure className="gap-images">
            <FloatImages pixels={r.images} count={3 * r.count} cols={3} testId="gap-images" label="Each row: a test image, its reconstruction through the encoder, and through the fitted q" placeholder="" />
            <figcaption>Rows: original · via encoder · via fitted q</figcaption>
          </figure>
        </div>
      ) : null}
    </section>
  );
}
