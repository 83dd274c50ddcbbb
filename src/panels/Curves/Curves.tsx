import { useEffect, useRef } from 'react';
import { isFreshRun } from '../../client/events';
import { trainerClient } from '../../client/instance';
import { PlotCoordinator } from './PlotCoordinator';

/** Mounts the chart; from then on the coordinator, not React, draws every point. */
export function Curves() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const plot = new PlotCoordinator(ref.current);
    const off = trainerClient.subscribe((e) => {
      if (e.type === 'metrics') plot.append(e);
      else if (e.type === 'note') plot.addNote(e.step, e.text);
      else if (isFreshRun(e)) plot.reset();
    });
    return () => {
      off();
      plot.destroy();
    };
  }, []);
  return (
    <section className="panel panel-curves" aria-labelledby="curves-title">
      <h2 id="curves-title">Loss curves</h2>
      <p className="panel-note">
        Nats per image. nELBO = reconstruction + KL; lines follow training batches, diamonds mark the test split after each epoch; a dotted line is the loss the objective minimises where it is not the nELBO, and dashed lines mark mid-run edits.
      </p>
      <div className="curves-frame">
        <div className="curves" data-testid="curves" ref={ref} />
        <p className="curves-placeholder">Press Train and watch the losses fall.</p>
      </div>
    </section>
  );
}
