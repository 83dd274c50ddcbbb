import type { Data, Layout } from 'plotly.js-strict-dist-min';
import type { LatentPlane } from '../../protocol';
import { markerSize, plotColors, plotFont } from '../../ui/plotTheme';
import type { Range } from './range';

/**
 * One colour per class: Okabe–Ito's colour-blind-safe hues with Paul Tol's sand, green and olive and
 * two greys, chosen so that every pair stays apart (CIE76 ΔE > 12) for protan, deutan and tritan
 * vision as well as normal (cvd.test.ts), with no colour too dark or light for either theme.
 */
export const LABEL_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#0077BB', '#CC79A7', '#DDCC77', '#117733', '#999933', '#666666', '#BBBBBB'];

/**
 * One WebGL trace per label, so the legend names the classes and toggles them. Coordinates stay
 * typed arrays, which plotly's scattergl takes without copying; customdata is each point's test index.
 */
export function scatterTraces(points: Float32Array, labels: Uint8Array, count: number): Data[] {
  const sizes = new Array<number>(LABEL_COLORS.length).fill(0);
  for (let i = 0; i < count; i++) sizes[labels[i] % LABEL_COLORS.length]++;
  const xs = sizes.map((n) => new Float32Array(n));
  const ys = sizes.map((n) => new Float32Array(n));
  const ids = sizes.map((n) => new Int32Array(n));
  const fill = new Array<number>(LABEL_COLORS.length).fill(0);
  for (let i = 0; i < count; i++) {
    const l = labels[i] % LABEL_COLORS.length;
    const k = fill[l]++;
    xs[l][k] = points[2 * i];
    ys[l][k] = points[2 * i + 1];
    ids[l][k] = i;
  }
  return LABEL_COLORS.map((color, l) => ({
    type: 'scattergl',
    mode: 'markers',
    name: String(l),
    x: xs[l] as unknown as number[],
    y: ys[l] as unknown as number[],
    customdata: ids[l],
    marker: { color, size: markerSize(4), opacity: 0.75 },
    hovertemplate: `label ${l} · test image %{customdata}<extra></extra>`,
  }));
}

const sub = ['₁', '₂'];

/** "z₁" for the latent itself; "PC1 · 41.2% of variance" for a principal axis. */
export function axisTitle(plane: LatentPlane, axis: 0 | 1): string {
  const share = `${(100 * plane.explained[axis]).toFixed(1)}% of variance`;
  return plane.axes === 'latent' ? `z${sub[axis]} · ${share}` : `PC${axis + 1} · ${share}`;
}

export function scatterLayout(plane: LatentPlane | null, revision: number, ranges?: { x: Range; y: Range }): Layout {
  const axis = (i: 0 | 1) => ({
    title: { text: plane ? axisTitle(plane, i) : '' },
    gridcolor: plotColors().grid,
    zeroline: true,
    zerolinecolor: plotColors().zero,
    ...(ranges ? { range: [...(i === 0 ? ranges.x : ranges.y)], autorange: false } : {}),
  });
  return {
    autosize: true,
    margin: { l: 52, r: 8, t: 8, b: 44 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: plotFont(),
    xaxis: axis(0),
    yaxis: axis(1),
    legend: { title: { text: 'label' }, itemsizing: 'constant' },
    hovermode: 'closest',
    dragmode: 'zoom',
    // Zoom and hidden classes survive refreshes of the same model; a new model starts afresh.
    uirevision: revision,
  };
}
