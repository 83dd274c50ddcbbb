import { useRef, useState } from 'react';
import type { TrainerFeed } from '../../store/feeds';
import type { Scatter } from '../DrawLatent/codeTracker';
import { SCATTER_LIMIT } from '../DrawLatent/codeTracker';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';

/** A lane's test codes, kept fresh while its model trains (throttled as the Explore panels are). */
export function useLaneScatter(feed: TrainerFeed) {
  const [scatter, setScatter] = useState<Scatter | null>(null);
  const last = useRef<Scatter | null>(null);
  const live = useLiveAnalysis<'latentScatter'>({
    feed,
    build: () => {
      // Keep the principal axes pointing the way they did, so refreshes do not mirror the plot.
      const prev = last.current?.plane.axes === 'pca' ? last.current.plane.components : undefined;
      return { kind: 'latentScatter', limit: SCATTER_LIMIT, ...(prev ? { previousAxes: Float32Array.from(prev) } : {}) };
    },
    onResult: (r) => {
      last.current = { ...r, step: feed.training.getState().step };
      setScatter(last.current);
    },
    onClear: () => {
      last.current = null;
      setScatter(null);
    },
    intervalMs: 3000,
    deps: [],
  });
  return { scatter, sectionRef: live.sectionRef };
}
