import type { PlotlyStatic } from 'plotly.js-strict-dist-min';
import type { TrainerEvent } from '../../protocol';
import { noteLayout, type CurveNote } from './notes';
import { CONFIG, emptyTraces, freshLayout } from './plotSpec';
import { PointBatcher } from './PointBatcher';
import { FrameThrottle } from './throttle';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/** Fetched on first use, so the plotly bundle never delays the first paint. */
export function loadPlotly(): Promise<PlotlyStatic> {
  return import('plotly.js-strict-dist-min').then((m) => (m as { default?: PlotlyStatic }).default ?? (m as unknown as PlotlyStatic));
}

const FLUSH_EVERY_MS = 200;

/**
 * Owns one plotly chart of the loss curves and feeds it with `extendTraces`, outside React,
 * so training never re-renders the page.
 */
export class PlotCoordinator {
  readonly plotDiv: HTMLDivElement;
  private plotly: PlotlyStatic | null = null;
  private readonly batcher = new PointBatcher();
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
        return plotly.newPlot(this.plotDiv, emptyTraces(), { ...freshLayout(), ...noteLayout(this.notes) }, CONFIG);
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

  reset(): void {
    this.container.dataset.empty = 'true';
    this.batcher.clear();
    this.throttle.cancel();
    this.notes = [];
    this.chain((plotly) => plotly.react(this.plotDiv, emptyTraces(), freshLayout(), CONFIG));
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
  }

  private flush(): void {
    if (!this.plotly) return;
    const batch = this.batcher.take();
    if (!batch) return;
    this.container.dataset.empty = 'false';
    this.chain((plotly) => plotly.extendTraces(this.plotDiv, { x: batch.x, y: batch.y }, batch.indices));
  }

  private chain(call: (plotly: PlotlyStatic) => Promise<unknown>): void {
    this.busy = this.busy
      .then(() => (this.plotly && !this.destroyed ? call(this.plotly) : undefined))
      // Logged, and the chain goes on: one failed update must not freeze the chart for good.
      .catch((err: unknown) => console.error('Loss chart update failed:', err));
  }
}
