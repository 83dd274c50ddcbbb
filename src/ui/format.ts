/** Shown wherever a number is not known yet. */
export const NONE = '—';

export function fixed1(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NONE : v.toFixed(1);
}

/** Whole numbers without separators, so a test or a screen reader reads them as one number. */
export function whole(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NONE : String(Math.round(v));
}

/** "Epoch e / E": the epoch under way, or the last one once all are done. */
export function epochLabel(completed: number, total: number): string {
  return `Epoch ${Math.min(completed + 1, total)} / ${total}`;
}

/** How far through the epoch under way, 0..1; full once every epoch is done. */
export function epochFraction(completed: number, total: number, progress: number): number {
  if (completed >= total) return 1;
  return Math.min(1, Math.max(0, progress));
}
