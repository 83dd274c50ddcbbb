import { useEffect, useRef } from 'react';
import { mainFeed, type TrainerFeed } from '../../store/feeds';
import { timelineStore } from '../../store/stores';
import { isFreshRun } from '../../store/trainer';
import { historyToMetrics } from './history';
import { LossChart } from './LossChart';

/**
 * Mounts a loss chart fed by one trainer's events (the Train view's, or a race lane's); from then on
 * the chart itself, not React, draws every point. A line marks the training timeline's moment of
 * `momentRun()`'s run (the Train view's current run unless given).
 */
export function useLossChart(feed: TrainerFeed = mainFeed, momentRun?: () => string | null) {
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
    const mark = () => {
      const s = timelineStore.getState();
      const id = momentRun ? momentRun() : s.currentRunId;
      plot.setMoment(id ? (s.runs[id]?.moment ?? null) : null);
    };
    mark();
    const offMoment = timelineStore.subscribe(mark);
    return () => {
      off();
      offMoment();
      plotRef.current = null;
      plot.destroy();
    };
  }, [feed]);
  return { ref, plotRef };
}
