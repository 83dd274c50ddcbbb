/** One line of a chart: its name and points. */
export interface Series {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Curves as CSV, one row per step and one column per series (empty where a series has no point
 * at that step), so a spreadsheet plots them as they were drawn.
 */
export function seriesToCsv(series: Series[], xName = 'step'): string {
  const steps = new Set<number>();
  const columns = series.map((s) => {
    const m = new Map<number, number>();
    for (let i = 0; i < s.x.length; i++) {
      m.set(s.x[i], s.y[i]);
      steps.add(s.x[i]);
    }
    return m;
  });
  const rows = [[xName, ...series.map((s) => s.name)].map(cell).join(',')];
  for (const step of [...steps].sort((a, b) => a - b)) {
    rows.push([String(step), ...columns.map((c) => (c.has(step) ? String(c.get(step)) : ''))].join(','));
  }
  return `${rows.join('\n')}\n`;
}
