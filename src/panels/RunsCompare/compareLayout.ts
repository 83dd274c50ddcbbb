import type { Layout } from 'plotly.js-strict-dist-min';
import { plotColors, plotFont } from '../../ui/plotTheme';

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

/** The runs-compare chart's layout (loss curves of several runs), a copy each time: plotly keeps and mutates the layout object it is given (ranges, shapes). */
export function freshLayout(): Layout {
  const layout = structuredClone(LAYOUT) as Layout & { xaxis: Layout; yaxis: Layout };
  const { grid } = plotColors();
  layout.font = plotFont();
  layout.xaxis.gridcolor = grid;
  layout.yaxis.gridcolor = grid;
  return layout;
}
