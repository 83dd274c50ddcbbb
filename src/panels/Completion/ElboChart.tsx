import { useEffect, useRef } from 'react';
import type { Data } from 'plotly.js-strict-dist-min';
import type { CurveEvent } from '../../store/completion';
import { onCurve } from './instance';
import { SmallPlot } from './SmallPlot';

/** Folds curve events into the two traces: the fit's partial ELBO per step, and the encoder's level. */
export class ElboTraces {
  x: number[] = [];
  y: number[] = [];
  steps = 0;
  reference: number | null = null;

  apply(e: CurveEvent): void {
    if (e.type === 'reset') {
      this.x = [];
      this.y = [];
      this.steps = e.steps;
      this.reference = null;
    } else if (e.type === 'points') {
      e.elbo.forEach((v, i) => {
        this.x.push(e.from + i + 1);
        this.y.push(v);
      });
    } else this.reference = e.elbo;
  }

  data(): Data[] {
    const fit: Data = { name: 'q(z|Ψ) fitted (one Monte Carlo estimate per step)', type: 'scatter', mode: 'lines', x: this.x, y: this.y, line: { color: '#2f5fd0', width: 1.5 } };
    const end = Math.max(this.steps, this.x.length);
    const enc: Data = { name: 'encoder’s q(z|x̃)', type: 'scatter', mode: 'lines', x: this.reference === null ? [] : [0, end], y: this.reference === null ? [] : [this.reference, this.reference], line: { color: '#d9822b', dash: 'dash', width: 1.5 } };
    return [fit, enc];
  }
}

const LAYOUT = {
  xaxis: { title: { text: 'Adam step' } },
  yaxis: { title: { text: 'partial ELBO (nats)' } },
};

/** The partial-ELBO curve of the encoder-free fit, drawn as it streams in. */
export function ElboChart() {
  const ref = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new SmallPlot(ref.current);
    const traces = new ElboTraces();
    const off = onCurve((e) => {
      traces.apply(e);
      if (frameRef.current) frameRef.current.dataset.empty = String(traces.x.length === 0 && traces.reference === null);
      plot.show(traces.data(), LAYOUT);
    });
    return () => {
      off();
      plot.destroy();
    };
  }, []);
  return (
    <div className="elbo-frame" data-empty="true" ref={frameRef}>
      <div className="elbo-chart" data-testid="elbo-chart" ref={ref} />
      <p className="elbo-placeholder">The partial ELBO of the encoder-free fit appears here, step by step, with the encoder’s level for comparison.</p>
    </div>
  );
}
