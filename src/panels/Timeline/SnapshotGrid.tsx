import { useMemo } from 'react';
import { ImageGrid } from '../../ui/ImageGrid';
import { snapshotGridSource, type SnapshotGridKind } from './sources';

const PLACEHOLDER: Record<SnapshotGridKind, string> = {
  reconstructions: 'No snapshot of this run yet.',
  samples: 'No snapshot of this run yet.',
  manifold: 'The manifold is kept for runs with a 2-D latent space.',
};

/** One image grid of a run's timeline (its scrubbed moment, else its latest snapshot): for a race's columns. */
export function SnapshotGrid({ runId, kind, testId, label }: { runId: string; kind: SnapshotGridKind; testId: string; label: string }) {
  const source = useMemo(() => snapshotGridSource(() => runId, kind), [runId, kind]);
  return <ImageGrid source={source} testId={testId} label={label} placeholder={PLACEHOLDER[kind]} />;
}
