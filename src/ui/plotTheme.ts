import type { Config, Layout, PlotlyHTMLElement, PlotlyStatic } from 'plotly.js-strict-dist-min';
import { displayStore, resolvedTheme, type DisplayState } from '../store/display';

/** Line widths and type grow together in presenter mode, so a projected chart reads from the back row. */
const PRESENTER_LINE = 2;
const PRESENTER_MARKER = 1.6;
const PRESENTER_FONT = 1.5;
const BASE_FONT = 12;

const COLORS = {
  light: { text: '#3b4252', grid: '#e6e8ee', zero: '#c9ced8' },
  dark: { text: '#d8dde7', grid: '#363d4c', zero: '#566074' },
};

/** Every chart's mode bar: no plotly logo, no selection tools, no autoscale (double-click does it). */
export const PLOT_CONFIG: Config = {
  displaylogo: false,
  // Plotly 4 offers to upload the chart to its cloud; nothing here leaves the tab.
  showSendToCloud: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};

type Display = Pick<DisplayState, 'presenter' | 'theme' | 'systemTheme'>;

const now = (): Display => displayStore.getState();

export function lineWidth(width: number, d: Display = now()): number {
  return d.presenter ? width * PRESENTER_LINE : width;
}

export function markerSize(size: number, d: Display = now()): number {
  return d.presenter ? Math.round(size * PRESENTER_MARKER) : size;
}

export function plotColors(d: Display = now()) {
  return COLORS[resolvedTheme(d)];
}

export function plotFont(d: Display = now()): Layout {
  return {
    family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    size: d.presenter ? BASE_FONT * PRESENTER_FONT : BASE_FONT,
    color: plotColors(d).text,
  };
}

/**
 * What every plotly chart's layout starts from: transparent over the panel, the theme's type and
 * grid, titled axes without zero lines, the legend in a row above the plot.
 */
export function baseLayout(xTitle: string, yTitle: string, margin: Layout['margin'] = { l: 56, r: 12, t: 8, b: 42 }): Layout & { xaxis: Layout; yaxis: Layout } {
  const grid = plotColors().grid;
  return {
    autosize: true,
    margin,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: plotFont(),
    xaxis: { title: { text: xTitle }, gridcolor: grid, zeroline: false },
    yaxis: { title: { text: yTitle }, gridcolor: grid, zeroline: false },
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  };
}

/** The layout keys a theme or presenter change touches, in plotly's dotted relayout form. */
export function themeRelayout(d: Display = now()): Layout {
  const c = plotColors(d);
  return {
    font: plotFont(d),
    'xaxis.gridcolor': c.grid,
    'yaxis.gridcolor': c.grid,
    'xaxis.zerolinecolor': c.zero,
    'yaxis.zerolinecolor': c.zero,
  };
}

type Traced = PlotlyHTMLElement & { data: { line?: { width?: number }; marker?: { size?: number } }[] };

/** Thickens (on) or thins (off) the lines and markers of one drawn chart. */
function rescale(p: PlotlyStatic, div: Traced, on: boolean): Promise<unknown> {
  const line = on ? PRESENTER_LINE : 1 / PRESENTER_LINE;
  const marker = on ? PRESENTER_MARKER : 1 / PRESENTER_MARKER;
  const widths = div.data.map((t) => (typeof t.line?.width === 'number' ? t.line.width * line : undefined));
  const sizes = div.data.map((t) => (typeof t.marker?.size === 'number' ? Math.round(t.marker.size * marker) : undefined));
  const idx = div.data.map((_, i) => i).filter((i) => widths[i] !== undefined || sizes[i] !== undefined);
  if (!idx.length) return Promise.resolve();
  return p.restyle(div, { 'line.width': idx.map((i) => widths[i]), 'marker.size': idx.map((i) => sizes[i]) }, idx);
}

/** Every chart on the page, drawn before the change, follows a theme or presenter change. */
export function startPlotThemeSync(load: () => Promise<PlotlyStatic>): () => void {
  return displayStore.subscribe((s, prev) => {
    const themeChanged = resolvedTheme(s) !== resolvedTheme(prev);
    if (!themeChanged && s.presenter === prev.presenter) return;
    const divs = Array.from(document.querySelectorAll<Traced>('.js-plotly-plot'));
    if (!divs.length) return;
    void load().then(async (p) => {
      for (const div of divs) {
        if (!div.isConnected) continue;
        try {
          await p.relayout(div, themeRelayout(s));
          if (s.presenter !== prev.presenter) await rescale(p, div, s.presenter);
        } catch (err) {
          // A chart torn down mid-update: the next chart still gets its theme.
          console.warn('Chart restyle skipped:', err);
        }
      }
    });
  });
}

/** Charts inside an element that just changed size (full screen) redraw at the new size. */
export function resizePlotsIn(el: HTMLElement, load: () => Promise<PlotlyStatic>): void {
  const divs = Array.from(el.querySelectorAll<HTMLElement>('.js-plotly-plot'));
  if (!divs.length) return;
  void load().then((p) => Promise.all(divs.map((d) => p.Plots.resize(d).catch(() => undefined))));
}
