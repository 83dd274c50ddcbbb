import { useEffect, useRef } from 'react';
import type { SnapshotCodes } from '../../protocol';
import { shownSnapshot, snapshotAt } from '../../store/timeline';
import { timelineStore } from '../../store/stores';
import { ScatterCoordinator } from '../LatentScatter/ScatterCoordinator';
import '../LatentScatter/scatter.css';

/** A snapshot's codes in the shape the scatter draws (an analysis result's). */
export const scatterOf = (codes: SnapshotCodes) => ({ kind: 'latentScatter' as const, ...codes });

/** The latent scatter of a run's timeline (its scrubbed moment, else its latest snapshot): for a race's columns. */
export function SnapshotScatter({ runId, testId }: { runId: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new ScatterCoordinator(ref.current, { onPoint: () => undefined, onEmpty: () => undefined });
    let shown: SnapshotCodes | null = null;
    const update = () => {
      const s = timelineStore.getState();
      const snap = shownSnapshot(s, runId) ?? snapshotAt(s.runs[runId], Number.POSITIVE_INFINITY);
      const codes = snap?.codes ?? null;
      if (codes === shown) return;
      shown = codes;
      if (codes) plot.show(scatterOf(codes));
      else plot.clear();
    };
    update();
    const off = timelineStore.subscribe(update);
    return () => {
      off();
      plot.destroy();
    };
  }, [runId]);
  return (
    <div className="scatter-frame" ref={ref} data-testid={testId}>
      <p className="scatter-placeholder">No snapshot of this run yet.</p>
    </div>
  );
}
