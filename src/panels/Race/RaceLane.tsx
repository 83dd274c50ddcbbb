import { useEffect, useMemo, useRef } from 'react';
import type { ConfigDifference } from '../../config/configDiff';
import type { TrainerFeed } from '../../store/feeds';
import { subscribeImages } from '../../store/trainer';
import { ImageGrid, type GridSource } from '../../ui/ImageGrid';
import { useLossChart } from '../Curves/useLossChart';
import { scatterOf } from '../Timeline/SnapshotScatter';
import { snapshotGridSource, useShownSnapshot } from '../Timeline/sources';
import { LaneHeader } from './LaneHeader';
import { LanePlane } from './LanePlane';
import { useLaneScatter } from './useLaneScatter';

interface Props {
  lane: 0 | 1;
  /** The lane's run, once known: its timeline backs the pictures when the scrubber leaves "live". */
  runId: string | null;
  name: string;
  differences: ConfigDifference[];
  feed: TrainerFeed;
}

/**
 * One run of the race: the Train view's panels in small, fed by this lane's trainer while live, and
 * by the run's snapshot at the scrubbed moment otherwise (a line on the curves marks the moment).
 */
export function RaceLane({ lane, runId, name, differences, feed }: Props) {
  const runIdRef = useRef(runId);
  runIdRef.current = runId;
  const { ref } = useLossChart(feed, () => runIdRef.current);
  const { scatter: liveScatter, sectionRef } = useLaneScatter(feed);
  const shown = useShownSnapshot(runId);
  const shownScatter = useMemo(() => (shown ? { ...scatterOf(shown.codes), step: shown.step } : null), [shown]);
  const scatter = shownScatter ?? liveScatter;
  const recon = useMemo<GridSource>(() => snapshotGridSource(() => runId, 'reconstructions', (draw) => subscribeImages('reconstructions', draw, feed.subscribe)), [feed, runId]);
  const samples = useMemo<GridSource>(() => snapshotGridSource(() => runId, 'samples', (draw) => subscribeImages('samples', draw, feed.subscribe)), [feed, runId]);
  const moment = shown?.step ?? null;
  useEffect(() => {
    // The chart names its canvas for the Train view's tests; a lane's is its own.
    const canvas = ref.current?.querySelector<HTMLCanvasElement>('canvas.chart-canvas');
    if (canvas) canvas.dataset.testid = `race-loss-chart-${lane}`;
  }, [ref, lane]);
  return (
    <section className={`race-lane race-lane-${lane}`} aria-labelledby={`race-lane-${lane}`} ref={sectionRef} data-testid={`race-lane-${lane}`} data-moment={moment ?? 'live'}>
      <LaneHeader lane={lane} name={name} differences={differences} feed={feed} shown={shown} />
      <div className="race-curves">
        <div className="curves" ref={ref} />
      </div>
      <div className="race-pictures">
        <figure>
          <ImageGrid source={recon} testId={`race-recon-${lane}`} label={`${name}: test images beside their reconstructions`} placeholder="Reconstructions: once it trains" />
          <figcaption>Reconstructions</figcaption>
        </figure>
        <figure>
          <ImageGrid source={samples} testId={`race-samples-${lane}`} label={`${name}: images decoded from the prior`} placeholder="Prior samples: once it trains" />
          <figcaption>Prior samples</figcaption>
        </figure>
        <LanePlane lane={lane} scatter={scatter} />
      </div>
    </section>
  );
}
