import type { TrainerEvent } from '../../protocol';
import { axesMargins } from '../../ui/chart/axes';
import { fitCanvas, xToPx, type Frame, type Span } from '../../ui/chart/frame';
import { Legend } from '../../ui/chart/legend';
import { chartPicture } from '../../ui/chart/png';
import { Tooltip } from '../../ui/chart/tooltip';
import { plotColors, plotFont } from '../../ui/plotTheme';
import { displayStore, resolvedTheme } from '../../store/display';
import type { Series } from './csv';
import { CurveThinner } from './CurveThinner';
import { fullView, nearestIndex, zoomedY } from './curveView';
import { drawCurves, type CurvesPicture, type DrawnTrace } from './drawCurves';
import type { CurveNote } from './notes';
import { PointBatcher, TRACES } from './PointBatcher';
import { FrameThrottle } from './throttle';
import { traceLooks, type TraceLook } from './traceLooks';
import { attachCurvePointer } from './curvePointer';
import '../../ui/chart/chart.css';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/** New points reach the chart this often: live, and drawing is a few milliseconds. */
const DRAW_EVERY_MS = 250;
/** A trace's point counts at the cursor when it is at most this far away along x (CSS px). */
const CURSOR_PX = 24;
const NOTE_COLOR = '#6b7280';

/** What the chart shows, readable from the page (the e2e tests look here, as a person looks at the lines). */
export interface LossChartSnapshot {
  traces: { name: string; x: number[]; y: number[]; color: string; width: number; hidden: boolean }[];
  font: { color: string; size: number };
  zoomed: boolean;
  /** The steps and losses the plotting area spans. */
  view: { x: Span; y: Span } | null;
  /** The step the training timeline is scrubbed to, marked by a line; null while live. */
  moment: number | null;
}

/**
 * The loss curves on a canvas of our own, fed outside React: every point of a long run stays
 * drawn (thinned to means), and a redraw costs milliseconds, so training never stutters the page.
 */
export class LossChart {
  readonly root: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  private readonly legend: Legend;
  private readonly tooltip: Tooltip;
  private readonly resetButton: HTMLButtonElement;
  private readonly status: HTMLDivElement;
  private readonly batcher = new PointBatcher();
  private readonly thinners = TRACES.map(() => new CurveThinner());
  private readonly flushThrottle = new FrameThrottle(() => this.flush(), DRAW_EVERY_MS);
  private readonly paintThrottle = new FrameThrottle(() => this.paint(), 0);
  private readonly resizeObserver: ResizeObserver | null;
  private readonly offDisplay: () => void;
  private readonly offPointer: () => void;
  private notes: CurveNote[] = [];
  private zoom: Span | null = null;
  cursor: number | null = null;
  private moment: number | null = null;
  band: [number, number] | null = null;
  frame: Frame | null = null;
  /** The looks of the last paint, for the snapshot: what is on screen, not what the settings say. */
  private painted: { looks: TraceLook[]; font: { color: string; size: number } } | null = null;

  constructor(private readonly container: HTMLElement) {
    container.dataset.empty = 'true';
    this.root = document.createElement('div');
    this.root.className = 'chart loss-chart';
    this.legend = new Legend('Lines on the loss chart', () => this.paintThrottle.request());
    const area = document.createElement('div');
    area.className = 'chart-area';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'chart-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.dataset.testid = 'loss-chart';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Loss curves by training step. Drag to zoom into steps, double-click to zoom out; with the keyboard, arrow keys read the values step by step.');
    this.resetButton = document.createElement('button');
    this.resetButton.type = 'button';
    this.resetButton.className = 'btn btn-small chart-reset';
    this.resetButton.textContent = 'Reset zoom';
    this.resetButton.hidden = true;
    this.resetButton.addEventListener('click', () => this.setZoom(null));
    this.status = document.createElement('div');
    this.status.className = 'sr-only';
    this.status.setAttribute('role', 'status');
    area.append(this.canvas, this.resetButton, this.status);
    this.tooltip = new Tooltip(area);
    this.root.append(this.legend.el, area);
    container.appendChild(this.root);
    Object.defineProperty(this.root, 'chart', { get: () => this.snapshot() });
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.flush());
    this.resizeObserver?.observe(area);
    this.offDisplay = displayStore.subscribe(() => this.paintThrottle.request());
    this.offPointer = attachCurvePointer(this);
    this.paintThrottle.request();
  }

  append(m: Metrics): void {
    if (!this.batcher.push(m)) {
      this.reset();
      this.batcher.push(m);
    }
    this.flushThrottle.request();
  }

  /** Marks a step with a dashed line and a label. */
  addNote(step: number, text: string): void {
    this.notes = [...this.notes, { step, text }];
    this.paintThrottle.request();
  }

  /** Marks the training timeline's moment with a line (null: live, no line). */
  setMoment(step: number | null): void {
    if (step === this.moment) return;
    this.moment = step;
    this.paintThrottle.request();
  }

  /** A saved run's curves in place of the chart's (after a resume), so new points continue them. */
  loadHistory(points: readonly Metrics[], notes: readonly CurveNote[]): void {
    this.reset();
    for (const p of points) this.batcher.push(p);
    this.notes = [...notes];
    this.flushThrottle.request();
  }

  /** The curves as drawn: each trace's name and points (for a CSV download). */
  series(): Series[] {
    return this.thinners.map((t, i) => ({ name: TRACES[i], x: t.drawn.x, y: t.drawn.y })).filter((s) => s.x.length > 0);
  }

  reset(): void {
    this.container.dataset.empty = 'true';
    this.batcher.clear();
    for (const t of this.thinners) t.clear();
    this.flushThrottle.cancel();
    this.notes = [];
    this.legend.reset();
    this.setZoom(null);
  }

  destroy(): void {
    this.flushThrottle.cancel();
    this.paintThrottle.cancel();
    this.resizeObserver?.disconnect();
    this.offDisplay();
    this.offPointer();
    this.root.remove();
  }

  setZoom(zoom: Span | null): void {
    this.zoom = zoom;
    this.resetButton.hidden = zoom === null;
    this.paintThrottle.request();
  }

  /** Moves the cursor to the drawn point nearest `x` (or removes it); `say` reads the values out. */
  setCursor(x: number | null, say = false): void {
    this.cursor = x;
    this.paintThrottle.request();
    if (say && x !== null) this.status.textContent = this.cursorText(this.cursorPoints(x)).join(', ');
  }

  /** Steps of the first shown line, where the keyboard cursor walks. */
  cursorSteps(): readonly number[] {
    return this.shown().find((t) => t.look.mark !== 'diamond' && t.points.x.length)?.points.x ?? [];
  }

  /** The chart with its legend, on the panel's background, for saving as PNG. */
  picture(): HTMLCanvasElement {
    const shown = traceLooks().filter((_, i) => this.thinners[i].drawn.x.length && !this.legend.hidden(i));
    return chartPicture(this.canvas, shown, plotFont() as { family: string; size: number; color: string });
  }

  requestPaint(): void {
    this.paintThrottle.request();
  }

  private flush(): void {
    // A hidden chart (another tab open) keeps its points batched; showing it resizes, which flushes.
    if (this.canvas.clientWidth === 0) return;
    const batch = this.batcher.take();
    if (batch) {
      batch.indices.forEach((trace, j) => this.thinners[trace].push(batch.x[j], batch.y[j]));
      this.container.dataset.empty = 'false';
    }
    this.paint();
  }

  private shown(looks = traceLooks()): DrawnTrace[] {
    this.legend.set(looks.map((look, i) => (this.thinners[i].drawn.x.length ? look : null)));
    return looks.flatMap((look, i) => (this.legend.hidden(i) ? [] : [{ look, points: this.thinners[i].drawn }]));
  }

  private paint(): void {
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (!w || !h) return;
    const ctx = fitCanvas(this.canvas, w, h);
    if (!ctx) return;
    const looks = traceLooks();
    const traces = this.shown(looks);
    const font = plotFont() as { family: string; size: number; color: string };
    this.painted = { looks, font };
    const m = axesMargins(font.size);
    const full = fullView(traces.map((t) => t.points));
    const x = this.zoom ?? full.x;
    this.frame = { left: m.left, top: m.top, width: Math.max(1, w - m.left - m.right), height: Math.max(1, h - m.top - m.bottom), x, y: this.zoom ? zoomedY(traces.map((t) => t.points), x) : full.y };
    const dark = resolvedTheme(displayStore.getState()) === 'dark';
    const picture: CurvesPicture = {
      frame: this.frame,
      // A short chart (a race lane's) has no room along its height for the long title.
      axes: { font, grid: plotColors().grid, xTitle: 'training step', yTitle: this.frame.height < font.size * 9 ? 'nats' : 'nats per image' },
      traces,
      notes: this.notes,
      noteColor: dark ? '#a7afbf' : NOTE_COLOR,
      labelBackground: dark ? 'rgba(27,31,41,0.85)' : 'rgba(255,255,255,0.85)',
      cursor: this.cursor === null ? null : { x: this.cursor, points: this.cursorPoints(this.cursor) },
      band: this.band,
      moment: this.moment,
      momentColor: dark ? '#f59e0b' : '#b45309',
    };
    drawCurves(ctx, picture);
    this.placeTooltip(picture);
  }

  /** Each shown trace's point nearest step `x`, where it is close enough to belong to that step. */
  private cursorPoints(x: number): { trace: DrawnTrace; i: number }[] {
    const f = this.frame;
    if (!f) return [];
    return this.shown().flatMap((trace) => {
      const i = nearestIndex(trace.points.x, x);
      return i >= 0 && Math.abs(xToPx(f, trace.points.x[i]) - xToPx(f, x)) <= CURSOR_PX ? [{ trace, i }] : [];
    });
  }

  private cursorText(points: { trace: DrawnTrace; i: number }[]): string[] {
    const step = points.length ? points[0].trace.points.x[points[0].i] : this.cursor;
    return [`step ${step?.toLocaleString('en-US') ?? ''}`, ...points.map(({ trace, i }) => `${trace.look.name}: ${trace.points.y[i].toFixed(1)} nats`)];
  }

  private placeTooltip(p: CurvesPicture): void {
    if (!p.cursor || !p.cursor.points.length || this.band) return this.tooltip.hide();
    const ys = p.cursor.points.map(({ trace, i }) => trace.points.y[i]);
    const f = p.frame;
    const mid = (Math.max(...ys) + Math.min(...ys)) / 2;
    const py = f.top + f.height - ((mid - f.y[0]) / (f.y[1] - f.y[0] || 1)) * f.height;
    this.tooltip.show(xToPx(f, p.cursor.x), Math.min(Math.max(py, f.top), f.top + f.height), this.cursorText(p.cursor.points));
  }

  private snapshot(): LossChartSnapshot {
    const looks = this.painted?.looks;
    return {
      traces: this.thinners.map((t, i) => ({ name: TRACES[i], x: [...t.drawn.x], y: [...t.drawn.y], color: looks?.[i].color ?? '', width: looks?.[i].width ?? 0, hidden: this.legend.hidden(i) })),
      font: { color: this.painted?.font.color ?? '', size: this.painted?.font.size ?? 0 },
      zoomed: this.zoom !== null,
      view: this.frame && { x: this.frame.x, y: this.frame.y },
      moment: this.moment,
    };
  }
}
