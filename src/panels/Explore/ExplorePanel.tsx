import type { ReactNode } from 'react';
import { PanelTools } from '../../ui/PanelTools';
import { ProgressBar } from '../../ui/ProgressBar';
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
  children: ReactNode;
}

/**
 * The frame every Explore panel shares: title, what it shows, its settings, a Freeze toggle,
 * progress of a slow refresh, the worker's message when a setting does not fit this model, and
 * the step the picture belongs to.
 */
export function ExplorePanel({ id, title, note, live, controls, placeholder, className, children }: Props) {
  const { status, frozen, setFrozen } = live;
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
        {status.progress ? (
          <ProgressBar value={status.progress.done} max={status.progress.total} label={status.progress.label} />
        ) : status.error ? (
          <p className="explore-message" data-testid={`${id}-message`}>
            {status.error}
          </p>
        ) : status.step !== null ? (
          <p className="explore-step" data-testid={`${id}-step`}>
            {frozen ? 'Frozen at' : 'At'} step {status.step.toLocaleString('en')}
          </p>
        ) : (
          <p className="explore-step">{placeholder}</p>
        )}
      </div>
    </section>
  );
}
