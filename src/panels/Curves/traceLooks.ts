import type { LegendItem } from '../../ui/chart/legend';
import { lineWidth, markerSize, plotColors } from '../../ui/plotTheme';
import { LOSS_TRACE, TRACES } from './PointBatcher';

/** How one trace is drawn: a line (solid or dotted) or diamonds (the test split, once an epoch). */
export interface TraceLook extends LegendItem {
  width: number;
  size: number;
}

const COLORS = ['#2f5fd0', '#d9822b', '#2a9d8f', '#c2255c'];
const TEST_TRACE = 3;

/** The looks in PointBatcher's trace order, for the current theme and presenter setting. */
export function traceLooks(): TraceLook[] {
  return TRACES.map((name, i) => ({
    name,
    // The objective's own loss is drawn in the text colour, which every theme keeps readable.
    color: i === LOSS_TRACE ? plotColors().text : COLORS[i],
    mark: i === TEST_TRACE ? 'diamond' : i === LOSS_TRACE ? 'dotted' : 'line',
    width: lineWidth(i === 0 ? 2.2 : 1.5),
    size: markerSize(9),
  }));
}
