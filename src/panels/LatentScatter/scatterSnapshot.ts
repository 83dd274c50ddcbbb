import type { Frame } from '../../ui/chart/frame';
import { LABEL_COLORS } from './scatterSpec';

/** What is on the scatter now, as the coordinator knows it. */
export interface ScatterState {
  count: number;
  groups: readonly Int32Array[];
  hidden(label: number): boolean;
  /** Canvas pixel positions (NaN: off the plot) from the last draw. */
  px: Float32Array;
  py: Float32Array;
  frame: Frame | null;
  titles: readonly [string, string];
}

/**
 * A read-only view of the chart for tests and tools, on the chart's root element as `chart` (as
 * plotly's `data` was): point count, colours of the classes shown, axis titles, and where points and
 * the plotting area are on the page.
 */
export interface ScatterSnapshot {
  readonly points: number;
  readonly colors: string[];
  readonly xTitle: string;
  readonly yTitle: string;
  /** Page position of the k-th point of class `label`, or null when it is not on the plot. */
  pointPx(label: number, k: number): { x: number; y: number } | null;
  /** Page positions of every point drawn, flat: x₀, y₀, x₁, y₁, … */
  pointsPx(): number[];
  /** The plotting area on the page. */
  plotBox(): { x: number; y: number; width: number; height: number } | null;
}

export function exposeSnapshot(root: HTMLElement, canvas: HTMLElement, state: () => ScatterState): void {
  const origin = () => canvas.getBoundingClientRect();
  const snapshot: ScatterSnapshot = {
    get points() {
      return state().count;
    },
    get colors() {
      const s = state();
      return s.groups.flatMap((g, l) => (g.length && !s.hidden(l) ? [LABEL_COLORS[l]] : []));
    },
    get xTitle() {
      return state().titles[0];
    },
    get yTitle() {
      return state().titles[1];
    },
    pointPx(label, k) {
      const s = state();
      const i = s.groups[label]?.[k];
      if (i === undefined || s.hidden(label) || !(s.px[i] === s.px[i])) return null;
      const r = origin();
      return { x: r.left + s.px[i], y: r.top + s.py[i] };
    },
    pointsPx() {
      const s = state();
      const r = origin();
      const out: number[] = [];
      s.groups.forEach((g, l) => {
        if (s.hidden(l)) return;
        for (const i of g) if (s.px[i] === s.px[i]) out.push(r.left + s.px[i], r.top + s.py[i]);
      });
      return out;
    },
    plotBox() {
      const f = state().frame;
      if (!f) return null;
      const r = origin();
      return { x: r.left + f.left, y: r.top + f.top, width: f.width, height: f.height };
    },
  };
  Object.defineProperty(root, 'chart', { value: snapshot, configurable: true });
}
