import { useStore } from 'zustand';
import { momentLabel } from '../../store/timeline';
import { trainingStore } from '../../store/stores';
import { viewStore } from '../../store/view';
import { Scrubber } from './Scrubber';
import { useCurrentRunId } from './sources';

/** Views whose panels redraw for a scrubbed moment. */
const TIMELINE_VIEWS = new Set(['train', 'explore']);

/**
 * The scrubber under the Train and Explore views, stuck to the bottom of the window: the run in
 * the Train view back to any snapshot, Play from step 0 to now, Save video.
 */
export function TimelineBar() {
  const runId = useCurrentRunId();
  const view = useStore(viewStore, (s) => s.active);
  const step = useStore(trainingStore, (s) => s.step);
  const epoch = useStore(trainingStore, (s) => s.epoch);
  if (!runId || !TIMELINE_VIEWS.has(view)) return null;
  return (
    <div className="timeline-bar" data-testid="timeline-bar">
      <Scrubber runIds={[runId]} liveLabel={momentLabel(step, epoch)} />
    </div>
  );
}
