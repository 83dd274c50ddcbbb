import { useEffect, useState } from 'react';
import { trainingStore } from '../../store/stores';
import { curvesSummary } from './summary';

/** How often a screen reader hears the latest losses while training runs. */
const EVERY_MS = 10_000;

const current = () => {
  const s = trainingStore.getState();
  return curvesSummary(s.step, s.train, s.test);
};

/**
 * The chart's latest values as text for screen readers: a polite live region, refreshed every
 * ten seconds while training (more often would talk over everything else) and at once when it stops.
 */
export function CurvesSummary() {
  const [text, setText] = useState(current);
  useEffect(() => {
    const timer = setInterval(() => setText(current()), EVERY_MS);
    const off = trainingStore.subscribe((s, prev) => {
      if (s.state !== prev.state || (s.state !== 'training' && s.step !== prev.step)) setText(current());
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="curves-summary">
      {text}
    </p>
  );
}
