interface Props {
  value: number;
  max: number;
  label: string;
  testId?: string;
  className?: string;
}

/** A native <progress> with a visible label; the label also names it for assistive tech. */
export function ProgressBar({ value, max, label, testId, className }: Props) {
  const safeMax = max > 0 ? max : 1;
  const safeValue = Math.min(Math.max(0, value), safeMax);
  return (
    <div className={`progress ${className ?? ''}`}>
      <progress data-testid={testId} value={safeValue} max={safeMax} aria-label={label} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
