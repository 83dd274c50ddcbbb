import type { ReactNode } from 'react';
import { PanelTools } from '../../ui/PanelTools';
import { ProgressBar } from '../../ui/ProgressBar';
import { momentCaption } from '../../store/timeline';
import { useCurrentRunId, useShownSnapshot } from '../Timeline/sources';
import type { LiveAnalysis } from './useLiveAnalysis';

interface Props {
  id: string;
  title: string;
  note: ReactNode;
  live: LiveAnalysis;
  /** Settings shown above the output. */
  controls?: ReactNode;
  /** What to say before the first result. */
  placeholder: string;
  className?: string;
  /** Backed by the training timeline: while it is scrubbed back the panel shows that snapshot. */
  timeline?: boolean;
  children: ReactNode;
}

/**
 * The frame every Explore panel shares: title, what it shows, its settings, a Freeze toggle,
 * progress of a slow refresh, the worker's message when a setting does not fit this model, and
 * the step the picture belongs to: a scrubbed timeline's moment for a panel backed by it, and
 * for the others, that their picture is still the present one.
 */
export function ExplorePanel({ id, title, note, live, controls, placeholder, className, timeline = false, children }: Props) {
  const { status, frozen, setFrozen } = live;
  const shown = useShownSnapshot(useCurrentRunId());
  return (
    <section ref={live.sectionRef} className={`panel explore-panel ${className ?? ''}`} aria-labelledby={`${id}-title`} data-testid={`${id}-panel`}>
      <div className="explore-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="freeze" aria-pressed={frozen} aria-label={`Freeze ${title.toLowerCase()}`} onClick={() => setFrozen(!frozen)}>
          {frozen ? 'Frozen' : 'Freeze'}
        </button>
      </div>
      <PanelTools id={id} title={title} />
      <p className="panel-note">{note}</p>
      {controls ? <div className="explore-controls">{controls}</div> : null}
      {children}
      <div className="explore-status" aria-live="polite">
        {timeline && shown ? (
          <p className="explore-step moment-caption" data-testid={`${id}-step`} data-moment={shown.step}>
            {momentCaption(shown, null)}
          </p>
        ) : status.progress ? (
          <ProgressBar value={status.progress.done} max={status.progress.total} label={status.progress.label} />
        ) : status.error ? (
          <p className="explore-message" data-testid={`${id}-message`}>
            {status.error}
          </p>
        ) : status.step !== null ? (
          <p className="explore-step" data-testid={`${id}-step`}>
            {frozen ? 'Frozen at' : 'At'} step {status.step.toLocaleString('en')}
            {shown ? ' (now: the timeline does not rewind this panel)' : ''}
          </p>
        ) : (
          <p className="explore-step">{placeholder}</p>
        )}
      </div>
    </section>
  );
}
