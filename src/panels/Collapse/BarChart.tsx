interface Props {
  values: ArrayLike<number>;
  /** Names the chart for assistive tech and the test. */
  label: string;
  testId: string;
  yLabel: string;
  /** Bars drawn in the accent colour (e.g. active units); the rest muted. */
  highlight?: (i: number) => boolean;
  /** Tooltip of bar i. */
  title(i: number): string;
  /** Label under bar i; shown for every bar when there are few, else every few. */
  tick?: (i: number) => string;
}

const W = 420;
const H = 150;
const PAD = { l: 40, r: 6, t: 6, b: 22 };

/** A small SVG bar chart: cheap to redraw every couple of seconds, and each bar has a tooltip. */
export function BarChart({ values, label, testId, yLabel, highlight, title, tick = (i) => String(i + 1) }: Props) {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, values[i]);
  const top = max > 0 ? max : 1;
  const bw = (W - PAD.l - PAD.r) / Math.max(1, n);
  const every = Math.ceil(n / 20);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - Math.max(0, v) / top);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
      <text x={4} y={PAD.t + 8} className="bar-axis">
        {fmt(top)}
      </text>
      <text x={4} y={H - PAD.b} className="bar-axis">
        0
      </text>
      <text x={PAD.l} y={H - 2} className="bar-axis">
        {yLabel}
      </text>
      <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="bar-base" />
      {Array.from({ length: n }, (_, i) => (
        <g key={i}>
          <rect
            x={PAD.l + i * bw + bw * 0.1}
            y={y(values[i])}
            width={bw * 0.8}
            height={H - PAD.b - y(values[i])}
            className={highlight?.(i) === false ? 'bar bar-muted' : 'bar'}
            data-value={values[i]}
          >
            <title>{title(i)}</title>
          </rect>
          {i % every === 0 ? (
            <text x={PAD.l + (i + 0.5) * bw} y={H - PAD.b + 11} className="bar-tick" textAnchor="middle">
              {tick(i)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2);
}
