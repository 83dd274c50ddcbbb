import { useEffect, useRef, type RefObject } from 'react';
import { LineChart } from './LineChart';

interface Props {
  chart: RefObject<LineChart | null>;
  testId: string;
  label: string;
  xTitle: string;
  yTitle: string;
  yRange?: [number, number];
  placeholder: string;
}

/** Mounts a LineChart once; the panel then draws through `chart.current`, not through React. */
export function Chart({ chart, testId, label, xTitle, yTitle, yRange, placeholder }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const axes = useRef({ x: xTitle, y: yTitle, yRange });
  useEffect(() => {
    if (!ref.current) return;
    const c = new LineChart(ref.current, axes.current);
    (chart as { current: LineChart | null }).current = c;
    return () => {
      c.destroy();
      (chart as { current: LineChart | null }).current = null;
    };
  }, [chart]);
  return (
    <figure className="stats-chart-frame">
      <div className="stats-chart" data-testid={testId} ref={ref} role="img" aria-label={label} />
      <figcaption className="stats-chart-placeholder">{placeholder}</figcaption>
    </figure>
  );
}
