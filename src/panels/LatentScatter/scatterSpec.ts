import type { Config, Data, Layout } from 'plotly.js-strict-dist-min';
import type { LatentPlane } from '../../protocol';
import type { Range } from './range';

/** One colour per class (Tableau 10: distinct, and kind to the common colour-vision deficiencies). */
export const LABEL_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e'];

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
    marker: { color, size: 4, opacity: 0.75 },
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
    gridcolor: '#e6e8ee',
    zeroline: true,
    zerolinecolor: '#c9ced8',
    ...(ranges ? { range: [...(i === 0 ? ranges.x : ranges.y)], autorange: false } : {}),
  });
  return {
    autosize: true,
    margin: { l: 52, r: 8, t: 8, b: 44 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12, color: '#3b4252' },
    xaxis: axis(0),
    yaxis: axis(1),
    legend: { title: { text: 'label' }, itemsizing: 'constant' },
    hovermode: 'closest',
    dragmode: 'zoom',
    // Zoom and hidden classes survive refreshes of the same model; a new model starts afresh.
    uirevision: revision,
  };
}

export const SCATTER_CONFIG: Config = {
  displaylogo: false,
  showSendToCloud: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};
