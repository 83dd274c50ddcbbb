import type { PlotlyStatic } from 'plotly.js-strict-dist-min';

/** Fetched on first use, so the plotly bundle never delays the first paint. */
export function loadPlotly(): Promise<PlotlyStatic> {
  return import('plotly.js-strict-dist-min').then((m) => (m as { default?: PlotlyStatic }).default ?? (m as unknown as PlotlyStatic));
}
