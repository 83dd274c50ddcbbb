import type { Data } from 'plotly.js-strict-dist-min';
import { paramCount } from '../../config/paramCount';
import type { LossTerms, RunHistory, RunSummary } from '../../protocol';
import type { Series } from '../Curves/csv';
import { lineWidth, markerSize } from '../../ui/plotTheme';

export type CompareMetric = 'nelbo' | 'kl' | 'recon';
export const METRIC_LABEL: Record<CompareMetric, string> = { nelbo: 'nELBO', kl: 'KL', recon: 'reconstruction' };

const COLORS = ['#2f5fd0', '#d9822b', '#2a9d8f', '#c2255c', '#6a4c93', '#1f2430', '#8a9a2b', '#b5651d'];

/** One line per run (training) and its markers (validation, per epoch), in the run's own colour. */
export function compareSeries(runs: RunSummary[], histories: Record<string, RunHistory>, metric: CompareMetric): (Series & { color: string; test: boolean })[] {
  return runs.flatMap((r, i) => {
    const h = histories[r.id];
    if (!h) return [];
    const color = COLORS[i % COLORS.length];
    return [
      { name: r.name, x: h.train.step, y: h.train[metric], color, test: false },
      { name: `${r.name} (validation)`, x: h.test.step, y: h.test[metric], color, test: true },
    ];
  });
}

export function compareTraces(series: ReturnType<typeof compareSeries>, metric: CompareMetric): Data[] {
  return series.map((s) => ({
    name: s.name,
    type: 'scatter',
    mode: s.test ? 'markers' : 'lines',
    x: Array.from(s.x),
    y: Array.from(s.y),
    line: { color: s.color, width: lineWidth(1.8) },
    ...(s.test ? { marker: { color: s.color, size: markerSize(8), symbol: 'diamond' } } : {}),
    hovertemplate: `${s.name}: %{y:.1f} nats (${METRIC_LABEL[metric]})<br>step %{x}<extra></extra>`,
  }));
}

export interface CompareRow {
  id: string;
  name: string;
  train: LossTerms | null;
  test: LossTerms | null;
  params: number | null;
  trainingMs: number;
  step: number;
  /** The settings that tell a class's runs apart, in one line. */
  config: string;
}

/** "MLP 400 · d = 20 · bernoulli · β = 1 · mnist": what differs between students' runs, at a glance. */
export function configText(c: RunSummary['config']): string {
  const net = c.architecture === 'conv' ? `conv ${c.convChannels.join('-')}` : `MLP ${c.hidden.length ? c.hidden.join('-') : 'linear'}`;
  const beta = c.objective === 'beta-vae' || c.beta !== 1 ? ` · β = ${c.beta}` : '';
  return `${net} · d = ${c.latentDim} · ${c.likelihood}${beta} · ${c.dataset}`;
}

/** The table of final values (seed 001 Tables I–II): what each run ended at, and its size. */
export function compareRows(runs: RunSummary[]): CompareRow[] {
  return runs.map((r) => {
    let params: number | null;
    try {
      params = paramCount(r.config, r.dataset.shape);
    } catch {
      params = null;
    }
    return { id: r.id, name: r.name, train: r.final.train, test: r.final.test, params, trainingMs: r.trainingMs, step: r.step, config: configText(r.config) };
  });
}
