import type { AnalysisResultOf } from '../../protocol';
import { displayStore } from '../../store/display';
import { axesMargins } from '../../ui/chart/axes';
import { fitCanvas, inside, pxToX, pxToY, type Frame } from '../../ui/chart/frame';
import { markerSize, plotColors, plotFont } from '../../ui/plotTheme';
import { measure } from '../Explore/measure';
import type { Box } from '../../ui/chart/gesture';
import { attachPointer } from '../../ui/chart/pointer';
import { zoomRanges } from './zoomBox';
import { PointGrid } from './pointGrid';
import { fitRanges, type Range } from './range';
import { saveScatterPng } from './scatterExport';
import { paintScatter, PointLayer, project } from './scatterPaint';
import { exposeSnapshot } from './scatterSnapshot';
import { axisTitle, groupByLabel, LABEL_COLORS, pointText } from './scatterSpec';
import { ScatterView } from './scatterView';

type Scatter = AnalysisResultOf<'latentScatter'>;
type Ranges = { x: Range; y: Range };

export interface ScatterEvents {
  /** The pointer is over (or clicked, `pinned`) the point of this test image. */
  onPoint(index: number, label: number, pinned: boolean): void;
  /** A click away from every point, at plane coordinates (u, v). */
  onEmpty(u: number, v: number): void;
}

/** How near the pointer a point must be to be hovered, and (a little more forgiving) clicked. */
const HOVER_PX = 20;
const CLICK_PX = 24;

/**
 * The canvas scatter of latent means: keeps the data, the axis ranges (steady while the model
 * trains, or the person's zoom) and the hidden classes, and redraws in a few milliseconds.
 */
export class ScatterCoordinator {
  readonly view: ScatterView;
  private data: Scatter | null = null;
  private groups: Int32Array[] = [];
  private px = new Float32Array(0);
  private py = new Float32Array(0);
  private grid: PointGrid | null = null;
  private frame: Frame | null = null;
  private titles: [string, string] = ['', ''];
  /** Ranges that follow the data, and the person's zoom, which wins until reset. */
  private auto: Ranges | null = null;
  private zoomed: Ranges | null = null;
  private hovered = -1;
  private readonly layer = new PointLayer();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ScatterEvents,
  ) {
    container.dataset.empty = 'true';
    this.view = new ScatterView(() => this.draw());
    container.appendChild(this.view.root);
    const { canvas, resetButton, pngButton } = this.view;
    exposeSnapshot(this.view.root, canvas, () => ({ count: this.data?.count ?? 0, groups: this.groups, hidden: (l) => this.view.legend.hidden(l), px: this.px, py: this.py, frame: this.frame, titles: this.titles }));
    resetButton.addEventListener('click', () => this.resetZoom());
    pngButton.addEventListener('click', () => this.savePng());
    canvas.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.zoomed) {
        e.preventDefault();
        this.resetZoom();
      }
    });
    this.cleanups.push(
      attachPointer(canvas, {
        canDrag: (x, y) => !!this.frame && !!this.data && inside(this.frame, x, y),
        hover: (x, y) => this.hover(x, y),
        leave: () => this.unhover(),
        tap: (x, y) => this.tap(x, y),
        doubleTap: () => this.resetZoom(),
        band: (b) => this.view.showBand(b),
        zoom: (b) => this.zoom(b),
      }),
      displayStore.subscribe(() => this.draw()),
    );
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(() => this.draw());
      ro.observe(this.view.area);
      this.cleanups.push(() => ro.disconnect());
    }
  }

  show(data: Scatter): void {
    this.data = data;
    this.groups = groupByLabel(data.labels, data.count);
    this.auto = fitRanges(data.points, data.count, this.auto);
    this.titles = [axisTitle(data.plane, 0), axisTitle(data.plane, 1)];
    this.view.legend.set(this.groups.map((g, l) => (g.length ? { name: String(l), color: LABEL_COLORS[l], mark: 'dot' as const } : null)));
    this.container.dataset.empty = 'false';
    this.view.pngButton.disabled = false;
    this.view.root.dataset.dim = String(data.dim);
    this.draw();
  }

  /** A new model: forget zoom and hidden classes along with the points. */
  clear(): void {
    this.data = null;
    this.groups = [];
    this.auto = null;
    this.zoomed = null;
    this.titles = ['', ''];
    this.view.resetButton.hidden = true;
    this.view.legend.set([]);
    this.view.legend.reset();
    this.container.dataset.empty = 'true';
    this.view.pngButton.disabled = true;
    this.draw();
  }

  destroy(): void {
    for (const c of this.cleanups) c();
    this.view.root.remove();
  }

  private draw(): void {
    const { area, canvas } = this.view;
    const w = area.clientWidth;
    const h = area.clientHeight;
    // A hidden chart (another tab) draws nothing now; the resize observer fires once it is shown.
    if (w === 0 || h === 0) return;
    const started = performance.now();
    this.unhover();
    const d = this.data;
    const ctx = fitCanvas(canvas, w, h);
    const ranges = this.zoomed ?? this.auto;
    if (!ctx || !d || !ranges) {
      this.frame = null;
      this.grid = null;
      return;
    }
    const font = plotFont() as { family: string; size: number; color: string };
    const m = axesMargins(font.size);
    const f: Frame = { left: m.left, top: m.top, width: Math.max(1, w - m.left - m.right), height: Math.max(1, h - m.top - m.bottom), x: ranges.x, y: ranges.y };
    if (this.px.length < d.count) {
      this.px = new Float32Array(d.count);
      this.py = new Float32Array(d.count);
    }
    project(f, d.points, d.count, this.px, this.py);
    const hidden = (l: number) => this.view.legend.hidden(l);
    const colors = plotColors();
    paintScatter(ctx, f, { px: this.px, py: this.py, groups: this.groups, hidden }, { font, grid: colors.grid, zero: colors.zero, xTitle: this.titles[0], yTitle: this.titles[1], size: markerSize(4) }, this.layer);
    const shown = this.groups.filter((_, l) => !hidden(l));
    const ids = new Int32Array(shown.reduce((n, g) => n + g.length, 0));
    shown.reduce((at, g) => (ids.set(g, at), at + g.length), 0);
    this.grid = PointGrid.build(this.px, this.py, ids, w, h, HOVER_PX);
    this.frame = f;
    this.view.setLabel(`Latent scatter: ${d.count} test images coloured by label, on ${this.titles[0]} (across) and ${this.titles[1]} (up)${this.zoomed ? ', zoomed in' : ''}`);
    measure('explore:scatter', started);
  }

  private hover(x: number, y: number): void {
    const i = this.grid?.nearest(x, y, HOVER_PX) ?? -1;
    if (i < 0 || !this.data) return this.unhover();
    if (i === this.hovered) return;
    this.hovered = i;
    const label = this.data.labels[i];
    this.view.tooltip.show(this.px[i], this.py[i], [pointText(label, i)]);
    this.events.onPoint(i, label, false);
  }

  private unhover(): void {
    this.hovered = -1;
    this.view.tooltip.hide();
  }

  private tap(x: number, y: number): void {
    const f = this.frame;
    if (!this.data || !f) return;
    const i = this.grid?.nearest(x, y, CLICK_PX) ?? -1;
    if (i >= 0) this.events.onPoint(i, this.data.labels[i], true);
    else if (inside(f, x, y)) this.events.onEmpty(pxToX(f, x), pxToY(f, y));
  }

  private zoom(b: Box): void {
    const r = this.frame && zoomRanges(this.frame, b);
    if (!r) return;
    this.zoomed = r;
    this.view.resetButton.hidden = false;
    this.draw();
  }

  /** Back to the whole cloud, and ranges follow the data again. */
  private resetZoom(): void {
    if (!this.zoomed) return;
    const focused = document.activeElement === this.view.resetButton;
    this.zoomed = null;
    this.auto = this.data && fitRanges(this.data.points, this.data.count, null);
    this.view.resetButton.hidden = true;
    // The button disappears from under the keyboard focus: hand focus to the chart it acted on.
    if (focused) this.view.canvas.focus();
    this.draw();
  }

  private savePng(): void {
    const font = plotFont() as { family: string; size: number; color: string };
    saveScatterPng(this.view.canvas, this.groups.flatMap((g, l) => (g.length && !this.view.legend.hidden(l) ? [l] : [])), font);
  }
}
