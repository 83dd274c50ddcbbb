import type { PlotlyStatic } from 'plotly.js-strict-dist-min';
import type { AnalysisResultOf } from '../../protocol';
import { loadPlotly } from '../Curves/PlotCoordinator';
import { measure } from '../Explore/measure';
import { extent, nextRange, type Range } from './range';
import { PLOT_CONFIG } from '../../ui/plotTheme';
import { axisTitle, scatterLayout, scatterTraces } from './scatterSpec';

type Scatter = AnalysisResultOf<'latentScatter'>;

export interface ScatterEvents {
  /** The pointer is over (or clicked, `pinned`) the point of this test image. */
  onPoint(index: number, label: number, pinned: boolean): void;
  /** A click away from every point, at plane coordinates (u, v). */
  onEmpty(u: number, v: number): void;
}

interface PlotlyPoint {
  customdata?: number;
  curveNumber: number;
  x?: number;
  y?: number;
}
/** The parts of a plotly graph div this file uses; events and axes are not in the bundle's types. */
interface GraphDiv extends HTMLDivElement {
  on?(event: string, handler: (e: { points?: PlotlyPoint[] } & Record<string, unknown>) => void): void;
  _fullLayout?: { xaxis?: Axis; yaxis?: Axis };
}
interface Axis {
  _offset: number;
  _length: number;
  p2d?(px: number): number;
  p2c(px: number): number;
  d2p?(v: number): number;
}

interface PlotlyUpdate {
  update(root: HTMLElement, traceUpdate: Record<string, unknown[]>, layoutUpdate: Record<string, unknown>): Promise<unknown>;
}

/** A click on a point fires plotly_click and then the DOM click; the DOM one alone means empty space. */
const POINT_CLICK_WINDOW_MS = 300;
/** Plotly picks the point within its hover distance (20 px); a little more allows for rounding. */
const POINT_HIT_PX = 24;

/**
 * Owns the plotly WebGL scatter of latent means, outside React: one chart call at a time, and
 * of the results that arrive while one draws only the newest is drawn next.
 */
export class ScatterCoordinator {
  readonly plotDiv: GraphDiv;
  private plotly: PlotlyStatic | null = null;
  private drawing = false;
  private pending: { data: Scatter | null } | null = null;
  private revision = 0;
  /** The model revision whose traces are on the chart, or -1. */
  private drawnRevision = -1;
  private ranges: { x: Range; y: Range } | null = null;
  private userZoomed = false;
  private destroyed = false;
  private lastPointClick = -Infinity;
  private readonly resizeObserver: ResizeObserver | null;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ScatterEvents,
  ) {
    container.dataset.empty = 'true';
    this.plotDiv = document.createElement('div') as GraphDiv;
    this.plotDiv.className = 'scatter-plot';
    this.plotDiv.dataset.testid = 'latent-scatter-plot';
    container.appendChild(this.plotDiv);
    this.plotDiv.addEventListener('click', this.onDomClick);
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.resize());
    this.resizeObserver?.observe(container);
  }

  show(data: Scatter): void {
    this.enqueue({ data });
  }

  /** A new model: forget zoom and hidden classes along with the points. */
  clear(): void {
    this.revision++;
    this.ranges = null;
    this.userZoomed = false;
    this.enqueue({ data: null });
  }

  destroy(): void {
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.plotDiv.removeEventListener('click', this.onDomClick);
    this.plotly?.purge(this.plotDiv);
    this.plotDiv.remove();
  }

  private enqueue(next: { data: Scatter | null }): void {
    this.pending = next;
    if (!this.drawing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.drawing = true;
    try {
      while (this.pending && !this.destroyed) {
        const { data } = this.pending;
        this.pending = null;
        const plotly = await this.load();
        if (!plotly || this.destroyed) return;
        const started = performance.now();
        const drawn = data ? this.draw(plotly, data) : plotly.react(this.plotDiv, [], scatterLayout(null, this.revision), PLOT_CONFIG);
        measure('explore:scatter', started);
        await drawn;
        this.drawnRevision = data ? this.revision : -1;
        this.container.dataset.empty = data ? 'false' : 'true';
        if (data) this.plotDiv.dataset.dim = String(data.dim);
      }
    } catch (err) {
      console.error('Latent scatter failed:', err);
    } finally {
      this.drawing = false;
    }
  }

  private draw(plotly: PlotlyStatic, data: Scatter): Promise<unknown> {
    const traces = scatterTraces(data.points, data.labels, data.count);
    const prev = this.ranges;
    const ranges = { x: nextRange(prev?.x ?? null, extent(data.points, data.count, 0, 2)), y: nextRange(prev?.y ?? null, extent(data.points, data.count, 1, 2)) };
    this.ranges = ranges;
    if (this.drawnRevision !== this.revision) return plotly.react(this.plotDiv, traces, scatterLayout(data.plane, this.revision, ranges), PLOT_CONFIG);
    // Same model, same ten traces: only the coordinates change, and (rarely) the ranges. Plotly's
    // update then redoes far less than react, and a steady range spares it the axes' layout.
    const moved = !prev || prev.x !== ranges.x || prev.y !== ranges.y;
    return (plotly as PlotlyStatic & PlotlyUpdate).update(
      this.plotDiv,
      { x: traces.map((t) => t.x), y: traces.map((t) => t.y), customdata: traces.map((t) => t.customdata) },
      {
        'xaxis.title.text': axisTitle(data.plane, 0),
        'yaxis.title.text': axisTitle(data.plane, 1),
        // A range the person zoomed to stays until they double-click back.
        ...(moved && !this.userZoomed ? { 'xaxis.range': [...ranges.x], 'yaxis.range': [...ranges.y] } : {}),
      },
    );
  }

  private async load(): Promise<PlotlyStatic | null> {
    if (this.plotly) return this.plotly;
    this.plotly = await loadPlotly();
    if (this.destroyed) return null;
    await this.plotly.newPlot(this.plotDiv, [], scatterLayout(null, this.revision), PLOT_CONFIG);
    this.plotDiv.on?.('plotly_hover', (e) => this.point(e.points, false));
    this.plotDiv.on?.('plotly_relayout', (e) => {
      const keys = Object.keys(e);
      if (keys.some((k) => k.endsWith('.autorange'))) {
        // Double-click: back to the whole cloud, and ranges are ours to manage again.
        this.userZoomed = false;
        this.ranges = null;
      } else if (keys.some((k) => /^[xy]axis\.range/.test(k))) this.userZoomed = true;
    });
    this.plotDiv.on?.('plotly_click', (e) => {
      // Plotly throttles its hover search to one per 50 ms, so a quick click after moving the
      // pointer can report the point hovered before; a point far from the click is not the one clicked.
      if (!this.hits(e.points?.[0], e.event as MouseEvent | undefined)) return;
      this.lastPointClick = performance.now();
      this.point(e.points, true);
    });
    return this.plotly;
  }

  private hits(p: PlotlyPoint | undefined, ev: MouseEvent | undefined): boolean {
    const xa = this.plotDiv._fullLayout?.xaxis;
    const ya = this.plotDiv._fullLayout?.yaxis;
    if (!p || !ev || !xa?.d2p || !ya?.d2p || typeof p.x !== 'number' || typeof p.y !== 'number') return true;
    const rect = this.plotDiv.getBoundingClientRect();
    const dx = rect.left + xa._offset + xa.d2p(p.x) - ev.clientX;
    const dy = rect.top + ya._offset + ya.d2p(p.y) - ev.clientY;
    return Math.hypot(dx, dy) <= POINT_HIT_PX;
  }

  private point(points: PlotlyPoint[] | undefined, pinned: boolean): void {
    const p = points?.[0];
    if (p && typeof p.customdata === 'number') this.events.onPoint(p.customdata, p.curveNumber, pinned);
  }

  private readonly onDomClick = (ev: MouseEvent) => {
    const at = performance.now();
    // Plotly's own click (on a point) may come just before or just after this one.
    setTimeout(() => {
      if (Math.abs(this.lastPointClick - at) < POINT_CLICK_WINDOW_MS || this.container.dataset.empty === 'true') return;
      const fl = this.plotDiv._fullLayout;
      const xa = fl?.xaxis;
      const ya = fl?.yaxis;
      if (!xa || !ya) return;
      const rect = this.plotDiv.getBoundingClientRect();
      const px = ev.clientX - rect.left - xa._offset;
      const py = ev.clientY - rect.top - ya._offset;
      if (px < 0 || py < 0 || px > xa._length || py > ya._length) return;
      this.events.onEmpty(xa.p2d ? xa.p2d(px) : xa.p2c(px), ya.p2d ? ya.p2d(py) : ya.p2c(py));
    }, 50);
  };

  private resize(): void {
    const plotly = this.plotly;
    if (!plotly || this.drawing || this.plotDiv.clientWidth === 0) return;
    void plotly.Plots.resize(this.plotDiv).catch(() => {});
  }
}
