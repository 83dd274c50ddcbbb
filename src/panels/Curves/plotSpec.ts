import type { Data, Layout } from 'plotly.js-strict-dist-min';
import { lineWidth, markerSize, plotColors, plotFont } from '../../ui/plotTheme';
import { LOSS_TRACE, TRACES } from './PointBatcher';

const COLORS = ['#2f5fd0', '#d9822b', '#2a9d8f', '#c2255c', '#1f2430'];

/** Empty traces in the order PointBatcher fills them. */
export function emptyTraces(): Data[] {
  return TRACES.map((name, i) => {
    const test = i === 3;
    const loss = i === LOSS_TRACE;
    return {
      name,
      type: 'scatter',
      mode: test ? 'markers' : 'lines',
      x: [],
      y: [],
      line: { color: COLORS[i], width: lineWidth(i === 0 ? 2.2 : 1.5), ...(loss ? { dash: 'dot' } : {}) },
      // Plotly reads keys with `in`, so an absent marker must be absent, not undefined.
      ...(test ? { marker: { color: COLORS[i], size: markerSize(9), symbol: 'diamond' } } : {}),
      hovertemplate: `${name}: %{y:.1f} nats<br>step %{x}<extra></extra>`,
    };
  });
}

const LAYOUT: Layout = {
  autosize: true,
  margin: { l: 56, r: 16, t: 8, b: 44 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12, color: '#3b4252' },
  xaxis: { title: { text: 'training step' }, gridcolor: '#e6e8ee', zeroline: false, rangemode: 'tozero' },
  yaxis: { title: { text: 'nats per image' }, gridcolor: '#e6e8ee', zeroline: false, rangemode: 'tozero' },
  legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  hovermode: 'x unified',
  uirevision: 'keep',
};

/** A copy each time: plotly keeps and mutates the layout object it is given (ranges, shapes). */
export function freshLayout(): Layout {
  const layout = structuredClone(LAYOUT) as Layout & { xaxis: Layout; yaxis: Layout };
  const { grid } = plotColors();
  layout.font = plotFont();
  layout.xaxis.gridcolor = grid;
  layout.yaxis.gridcolor = grid;
  return layout;
}
