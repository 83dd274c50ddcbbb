import type { RunSummary } from '../../protocol';

/** "42 s", "3 min 05 s", "1 h 02 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export const STATUS_LABEL: Record<RunSummary['status'], string> = {
  active: 'unfinished',
  finished: 'finished',
  stopped: 'stopped',
};

export { fixed1 as nats } from '../../ui/format';
