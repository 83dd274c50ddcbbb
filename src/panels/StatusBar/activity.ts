import type { ProgressInfo } from '../../store/training';

/** "Loading MNIST… 40 %": what the trainer is busy with, with how far it has got when that is known. */
export function activityText(p: ProgressInfo): string {
  if (p.total <= 0) return `${p.label}…`;
  const pct = Math.floor((100 * Math.min(p.done, p.total)) / p.total);
  return `${p.label}… ${pct} %`;
}
