import type { Data, Layout, PlotlyStatic } from 'plotly.js-strict-dist-min';
import { loadPlotly } from '../../ui/loadPlotly';
import { FrameThrottle } from '../Curves/throttle';
import { baseLayout, PLOT_CONFIG } from '../../ui/plotTheme';

const FLUSH_EVERY_MS = 150;

/**
 * A small chart redrawn whole with `react`, at most every FLUSH_EVERY_MS: for a few thousand
 * points that is cheap, and the page never re-renders for it. Plotly loads on first use.
 */
export class SmallPlot {
  private plotly: PlotlyStatic | null = null;
  private pending: { data: Data[]; layout: Layout } | null = null;
  private busy: Promise<unknown> = Promise.resolve();
  private destroyed = false;
  private readonly throttle = new FrameThrottle(() => this.flush(), FLUSH_EVERY_MS);
  private readonly resizeObserver: ResizeObserver | null;

  constructor(private readonly div: HTMLDivElement) {
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.resize());
    this.resizeObserver?.observe(div);
    this.busy = loadPlotly()
      .then((p) => {
        if (this.destroyed) return;
        this.plotly = p;
        this.throttle.request();
      })
      .catch((err: unknown) => {
        console.error('Chart failed:', err);
        div.textContent = 'The chart could not be loaded. Reload the page to try again.';
      });
  }

  /** Shows these traces (soon); the arrays are read at draw time, so callers may keep appending. */
  show(data: Data[], layout: Layout): void {
    this.pending = { data, layout };
    this.throttle.request();
  }

  destroy(): void {
    this.destroyed = true;
    this.throttle.cancel();
    this.resizeObserver?.disconnect();
    this.plotly?.purge(this.div);
  }

  private flush(): void {
    const p = this.pending;
    if (!p || !this.plotly) return;
    this.pending = null;
    // Copies: plotly keeps the arrays it is given, and react compares them by identity.
    const data = p.data.map((d) => ({ ...d, x: d.x?.slice(), y: d.y?.slice() }));
    // Type and grid follow the theme and presenter mode each time the chart is redrawn.
    const own = structuredClone(p.layout);
    const base = baseLayout('', '', { l: 56, r: 12, t: 8, b: 40 });
    const layout: Layout = { ...base, uirevision: 'keep', ...own, xaxis: { ...base.xaxis, ...(own.xaxis as Layout | undefined) }, yaxis: { ...base.yaxis, ...(own.yaxis as Layout | undefined) } };
    this.chain((plotly) => plotly.react(this.div, data, layout, PLOT_CONFIG));
  }

  private resize(): void {
    this.chain((plotly) => (this.div.clientWidth > 0 && this.div.classList.contains('js-plotly-plot') ? plotly.Plots.resize(this.div) : Promise.resolve()));
  }

  private chain(call: (plotly: PlotlyStatic) => Promise<unknown>): void {
    this.busy = this.busy
      .then(() => (this.plotly && !this.destroyed ? call(this.plotly) : undefined))
      .catch((err: unknown) => console.error('Chart update failed:', err));
  }
}
