import { useEffect, useState } from 'react';
import { momentCaption } from '../../store/timeline';
import { subscribeImages } from '../../store/trainer';
import { useCurrentRunId, useShownSnapshot } from './sources';
import './timeline.css';

interface Props {
  kind: 'reconstructions' | 'samples';
  testId: string;
  /** The run whose timeline backs the grid: the Train view's current run when left out. */
  runId?: string | null;
  /** Another trainer's events (a race lane's feed). */
  subscribe?: Parameters<typeof subscribeImages>[2];
}

/**
 * Names the moment an image grid shows: the scrubbed snapshot's step, or the step of the last live
 * grid (grids come every few steps, so not the counter's step).
 */
export function GridMoment({ kind, testId, runId, subscribe }: Props) {
  const current = useCurrentRunId();
  const shown = useShownSnapshot(runId === undefined ? current : runId);
  const [liveStep, setLiveStep] = useState<number | null>(null);
  useEffect(() => subscribeImages(kind, (_, step) => setLiveStep(step), subscribe), [kind, subscribe]);
  const text = momentCaption(shown, liveStep);
  if (text === null) return null;
  return (
    <p className="moment-caption" data-testid={testId} data-moment={shown ? shown.step : 'live'}>
      {text}
    </p>
  );
}
