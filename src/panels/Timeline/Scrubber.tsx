import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { momentLabel, snapshotAt, timelineSteps } from '../../store/timeline';
import { timelineActions, timelineStore } from '../../store/stores';
import { VideoButton } from './VideoButton';
import './timeline.css';

interface Props {
  /** The runs this scrubber moves together: one for the Train view, two for a race. */
  runIds: string[];
  /** What "live" is: e.g. "step 1,234 · epoch 3" of the run training now. */
  liveLabel: string;
  /** Offers "Save video" of these runs' animation. */
  video?: boolean;
}

/**
 * One slider over the snapshot steps of some runs, then "live" at its right end. Arrows step a
 * snapshot, Home goes to step 0, End back to live; Play animates from step 0 to the present.
 */
export function Scrubber({ runIds, liveLabel, video = true }: Props) {
  const steps = useStore(timelineStore, useShallow((s) => timelineSteps(s, runIds)));
  const moment = useStore(timelineStore, (s) => runIds.map((id) => s.runs[id]?.moment).find((m) => m !== undefined && m !== null) ?? null);
  const epoch = useStore(timelineStore, (s) => (moment === null ? null : (snapshotAt(s.runs[runIds.find((id) => s.runs[id]) ?? ''], moment)?.epoch ?? null)));
  const playing = useStore(timelineStore, (s) => s.playing !== null);
  if (steps.length === 0) return null;
  const index = moment === null ? steps.length : Math.max(0, steps.findLastIndex((x) => x <= moment));
  const label = moment === null ? `live · ${liveLabel}` : momentLabel(moment, epoch ?? 0);
  return (
    <div className="scrubber" role="group" aria-label="Training timeline" data-testid="scrubber" data-live={moment === null}>
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={playing}
        data-testid="timeline-play"
        onClick={() => (playing ? timelineActions.stop() : timelineActions.play(runIds))}
      >
        {playing ? 'Stop' : 'Play'}
      </button>
      <input
        type="range"
        className="scrubber-range"
        min={0}
        max={steps.length}
        step={1}
        value={index}
        aria-label="Moment of training"
        aria-valuetext={label}
        data-testid="timeline-range"
        onChange={(e) => {
          const i = Number(e.target.value);
          timelineActions.select(runIds, i >= steps.length ? null : steps[i]);
        }}
      />
      <output className="scrubber-label" data-testid="timeline-label" aria-live="polite">
        {label}
      </output>
      <button type="button" className="btn btn-small" disabled={moment === null} data-testid="timeline-live" onClick={() => timelineActions.select(runIds, null)}>
        Live
      </button>
      {video ? <VideoButton runIds={runIds} /> : null}
    </div>
  );
}
