import type { Data, Layout, PlotlyStatic } from 'plotly.js-strict-dist-min';
import { loadPlotly } from '../../ui/loadPlotly';
import { baseLayout, lineWidth, markerSize, PLOT_CONFIG } from '../../ui/plotTheme';

export interface Series {
  name: string;
  color: string;
  dash?: 'dot' | 'dash';
}

function layout(xTitle: string, yTitle: string, yRange?: [number, number]): Layout {
  const base = baseLayout(xTitle, yTitle);
  return { ...base, yaxis: { ...base.yaxis, ...(yRange ? { range: yRange } : {}) }, hovermode: 'x unified' };
}

/**
 * A small plotly line chart fed outside React: `clear` draws empty series, `extend` appends points
 * as they stream in. Plotly calls are async and chained so they never overlap.
 */
export class LineChart {
  private plotly: PlotlyStatic | null = null;
  private busy: Promise<unknown>;
  private destroyed = false;
  private readonly div: HTMLDivElement;
  private readonly resizeObserver: ResizeObserver | null;

  constructor(
    private readonly container: HTMLElement,
    private readonly axes: { x: string; y: string; yRange?: [number, number] },
  ) {
    container.dataset.empty = 'true';
    this.div = document.createElement('div');
    this.div.className = 'stats-chart-plot';
    container.appendChild(this.div);
    // Drawn while its view is hidden, plotly falls back to 700×450 and spills over the results
    // below; showing the view resizes the box, and the chart is laid out again to fit it.
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.fit());
    this.resizeObserver?.observe(this.div);
    this.busy = loadPlotly()
      .then((p) => {
        if (!this.destroyed) this.plotly = p;
      })
      .catch((err: unknown) => {
        console.error('Chart failed to load:', err);
        this.div.textContent = 'The chart could not be loaded. Reload the page to try again.';
      });
  }

  /** Starts over with empty series. */
  clear(series: Series[]): void {
    this.container.dataset.empty = 'true';
    const data: Data[] = series.map((s) => ({
      name: s.name,
      type: 'scatter',
      mode: 'lines+markers',
      x: [],
      y: [],
      line: { color: s.color, width: lineWidth(2), ...(s.dash ? { dash: s.dash } : {}) },
      marker: { color: s.color, size: markerSize(5) },
    }));
    this.chain((p) => p.react(this.div, data, layout(this.axes.x, this.axes.y, this.axes.yRange), PLOT_CONFIG));
  }

  /** Appends one point to each listed series. */
  extend(points: { series: number; x: number; y: number }[]): void {
    if (!points.length) return;
    this.container.dataset.empty = 'false';
    this.chain((p) =>
      p.extendTraces(
        this.div,
        { x: points.map((q) => [q.x]), y: points.map((q) => [q.y]) },
        points.map((q) => q.series),
      ),
    );
  }

  destroy(): void {
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.plotly?.purge(this.div);
    this.div.remove();
  }

  private fit(): void {
    this.chain((p) => (this.div.clientWidth > 0 && this.div.classList.contains('js-plotly-plot') ? p.Plots.resize(this.div) : undefined));
  }

  private chain(call: (p: PlotlyStatic) => Promise<unknown> | undefined): void {
    this.busy = this.busy
      .then(() => (this.plotly && !this.destroyed ? call(this.plotly) : undefined))
      .catch((err: unknown) => console.error('Chart update failed:', err));
  }
}
