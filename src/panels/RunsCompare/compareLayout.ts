import type { Layout } from 'plotly.js-strict-dist-min';
import { baseLayout } from '../../ui/plotTheme';

/** The runs-compare chart's layout (loss curves of several runs), new each time: plotly keeps and mutates the layout it is given. */
export function freshLayout(): Layout {
  const base = baseLayout('training step', 'nats per image', { l: 56, r: 16, t: 8, b: 44 });
  return {
    ...base,
    xaxis: { ...base.xaxis, rangemode: 'tozero' },
    yaxis: { ...base.yaxis, rangemode: 'tozero' },
    hovermode: 'x unified',
    uirevision: 'keep',
  };
}
