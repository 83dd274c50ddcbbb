import { useEffect, useRef } from 'react';
import { mainFeed, type TrainerFeed } from '../../store/feeds';
import { isFreshRun } from '../../store/trainer';
import { historyToMetrics } from './history';
import { LossChart } from './LossChart';

/**
 * Mounts a loss chart fed by one trainer's events (the Train view's, or a race lane's); from then on
 * the chart itself, not React, draws every point.
 */
export function useLossChart(feed: TrainerFeed = mainFeed) {
  const ref = useRef<HTMLDivElement>(null);
  const plotRef = useRef<LossChart | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new LossChart(ref.current);
    plotRef.current = plot;
    const off = feed.subscribe((e) => {
      if (e.type === 'metrics') plot.append(e);
      // A resumed or imported run: its saved curves, which new points continue.
      else if (e.type === 'history') plot.loadHistory(historyToMetrics(e.history), e.history.notes);
      else if (e.type === 'note') plot.addNote(e.step, e.text);
      else if (isFreshRun(e)) plot.reset();
    });
    return () => {
      off();
      plotRef.current = null;
      plot.destroy();
    };
  }, [feed]);
  return { ref, plotRef };
}
