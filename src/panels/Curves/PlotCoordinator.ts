import type { PlotlyStatic } from 'plotly.js-strict-dist-min';
import type { TrainerEvent } from '../../protocol';
import type { Series } from './csv';
import { noteLayout, type CurveNote } from './notes';
import { CurveThinner } from './CurveThinner';
import { PLOT_CONFIG } from '../../ui/plotTheme';
import { emptyTraces, freshLayout } from './plotSpec';
import { PointBatcher, TRACES } from './PointBatcher';
import { FrameThrottle } from './throttle';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/** Fetched on first use, so the plotly bundle never delays the first paint. */
export function loadPlotly(): Promise<PlotlyStatic> {
  return import('plotly.js-strict-dist-min').then((m) => (m as { default?: PlotlyStatic }).default ?? (m as unknown as PlotlyStatic));
}

// Each plotly update re-lays out axes and legend (tens of ms on a slow CPU): once a second keeps
// the curves live without long main-thread tasks.
const FLUSH_EVERY_MS = 1000;

/**
 * Owns one plotly chart of the loss curves and feeds it with `extendTraces`, outside React,
 * so training never re-renders the page.
 */
export class PlotCoordinator {
  readonly plotDiv: HTMLDivElement;
  private plotly: PlotlyStatic | null = null;
  private readonly batcher = new PointBatcher();
  private readonly thinners = TRACES.map(() => new CurveThinner());
  private readonly throttle = new FrameThrottle(() => this.flush(), FLUSH_EVERY_MS);
  private readonly resizeThrottle = new FrameThrottle(() => this.resize(), FLUSH_EVERY_MS);
  /** The layout (not the window) sizes the chart: image grids arriving change the row height. */
  private readonly resizeObserver: ResizeObserver | null;
  /** A chart call in flight: plotly's calls are async and must not overlap. */
  private busy: Promise<unknown> = Promise.resolve();
  private destroyed = false;
  private notes: CurveNote[] = [];

  constructor(
    private readonly container: HTMLElement,
    load: () => Promise<PlotlyStatic> = loadPlotly,
  ) {
    container.dataset.empty = 'true';
    this.plotDiv = document.createElement('div');
    this.plotDiv.className = 'curves-plot';
    container.appendChild(this.plotDiv);
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.resizeThrottle.request());
    this.resizeObserver?.observe(container);
    this.busy = load()
      .then((plotly) => {
        if (this.destroyed) return;
        this.plotly = plotly;
        return plotly.newPlot(this.plotDiv, emptyTraces(), { ...freshLayout(), ...noteLayout(this.notes) }, PLOT_CONFIG);
      })
      .then(() => this.throttle.request())
      .catch((err: unknown) => {
        // A real fault (the bundle failed to load or draw): say so where developers look.
        console.error('Loss chart failed:', err);
        this.plotly = null;
        this.plotDiv.textContent = 'The chart could not be loaded. Reload the page to try again.';
        this.plotDiv.classList.add('curves-failed');
      });
  }

  append(m: Metrics): void {
    if (!this.batcher.push(m)) {
      this.reset();
      this.batcher.push(m);
    }
    this.throttle.request();
  }

  /** Marks a step with a dashed line and a label; rare, so drawn at once rather than batched. */
  addNote(step: number, text: string): void {
    this.notes = [...this.notes, { step, text }];
    const layout = noteLayout(this.notes);
    this.chain((plotly) => plotly.relayout(this.plotDiv, layout));
  }

  /** Draws a saved run's curves in place of the chart's (after a resume), so new points continue them. */
  loadHistory(points: readonly Metrics[], notes: readonly CurveNote[]): void {
    this.reset();
    for (const p of points) this.batcher.push(p);
    this.notes = [...notes];
    const layout = noteLayout(this.notes);
    this.chain((plotly) => plotly.relayout(this.plotDiv, layout));
    this.throttle.request();
  }

  /** The curves as drawn: each trace's name and points (for a CSV download). */
  series(): Series[] {
    const data = (this.plotDiv as unknown as { data?: { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[] }).data ?? [];
    return data.map((t) => ({ name: t.name ?? '', x: t.x ?? [], y: t.y ?? [] }));
  }

  reset(): void {
    this.container.dataset.empty = 'true';
    this.batcher.clear();
    for (const t of this.thinners) t.clear();
    this.throttle.cancel();
    this.notes = [];
    this.chain((plotly) => plotly.react(this.plotDiv, emptyTraces(), freshLayout(), PLOT_CONFIG));
  }

  destroy(): void {
    this.destroyed = true;
    this.throttle.cancel();
    this.resizeThrottle.cancel();
    this.resizeObserver?.disconnect();
    this.plotly?.purge(this.plotDiv);
    this.plotDiv.remove();
  }

  private resize(): void {
    // Plotly refuses to size a hidden chart (a tab switched away); it catches up when shown again.
    this.chain((plotly) => (this.plotDiv.clientWidth > 0 ? plotly.Plots.resize(this.plotDiv) : Promise.resolve()));
    this.throttle.request();
  }

  private flush(): void {
    // A hidden chart (another tab open) keeps its points batched; the resize on showing it flushes them.
    if (!this.plotly || this.plotDiv.clientWidth === 0) return;
    const batch = this.batcher.take();
    if (!batch) return;
    this.container.dataset.empty = 'false';
    const append = { x: [] as number[][], y: [] as number[][], indices: [] as number[] };
    const redraw = { x: [] as number[][], y: [] as number[][], indices: [] as number[] };
    batch.indices.forEach((trace, j) => {
      const u = this.thinners[trace].push(batch.x[j], batch.y[j]);
      const into = u.kind === 'redraw' ? redraw : append;
      if (u.kind === 'append' && !u.x.length) return;
      into.x.push(u.x);
      into.y.push(u.y);
      into.indices.push(trace);
    });
    if (redraw.indices.length) this.chain((plotly) => plotly.restyle(this.plotDiv, { x: redraw.x, y: redraw.y }, redraw.indices));
    if (append.indices.length) this.chain((plotly) => plotly.extendTraces(this.plotDiv, { x: append.x, y: append.y }, append.indices));
  }

  private chain(call: (plotly: PlotlyStatic) => Promise<unknown>): void {
    this.busy = this.busy
      .then(() => (this.plotly && !this.destroyed ? call(this.plotly) : undefined))
      // Logged, and the chain goes on: one failed update must not freeze the chart for good.
      .catch((err: unknown) => console.error('Loss chart update failed:', err));
  }
}
