import { useStore } from 'zustand';
import type { ConfigDifference } from '../../config/configDiff';
import type { Snapshot } from '../../protocol';
import type { TrainerFeed } from '../../store/feeds';
import { momentCaption } from '../../store/timeline';
import { fixed1 } from '../../ui/format';

const STATE_WORD = { idle: 'not started', loading: 'starting…', training: 'training', paused: 'paused', stopped: 'finished' } as const;

/**
 * A lane's name, what sets it apart from the other (highlighted), and its live figures: step,
 * training nELBO and the last validation nELBO; at a scrubbed moment, the moment its pictures show
 * (worded as every snapshot-backed panel words it) and the nELBO of that snapshot's test images.
 */
export function LaneHeader({ lane, name, differences, feed, shown }: { lane: 0 | 1; name: string; differences: ConfigDifference[]; feed: TrainerFeed; shown: Snapshot | null }) {
  const step = useStore(feed.training, (s) => s.step);
  const state = useStore(feed.training, (s) => s.state);
  const train = useStore(feed.training, (s) => s.train?.nelbo);
  const test = useStore(feed.training, (s) => s.test?.nelbo);
  // Said once the checkpoint of this very step is written, so a person knows a reload loses nothing.
  const saved = useStore(feed.training, (s) => s.savedStep !== null && s.savedStep === s.step && s.state !== 'training');
  // The second lane has no error area of its own: what stopped it is said here.
  const error = useStore(feed.training, (s) => s.errors.at(-1) ?? null);
  return (
    <header className="race-lane-head">
      <h3 id={`race-lane-${lane}`}>
        <span className="race-lane-mark" aria-hidden="true" />
        {name}
      </h3>
      <p className="race-facts">
        {differences.length ? (
          differences.map((d) => (
            <span key={d.field} className="race-diff">
              {d.label} <mark>{d.values[lane]}</mark>
            </span>
          ))
        ) : (
          <span className="race-diff">same settings</span>
        )}
        <span data-testid={`race-step-${lane}`} data-step={step}>
          {shown ? 'now ' : ''}step {step.toLocaleString('en')}
        </span>
        <span>
          nELBO <strong data-testid={`race-nelbo-${lane}`}>{fixed1(train)}</strong>
        </span>
        {test === undefined ? null : <span>validation {fixed1(test)}</span>}
        <span className="race-state" data-testid={`race-state-${lane}`}>
          {STATE_WORD[state]}
          {saved ? ' · saved' : ''}
        </span>
        {shown ? (
          <span className="race-moment" data-testid={`race-moment-${lane}`}>
            {momentCaption(shown, null)}, test nELBO {fixed1(shown.terms.nelbo)}
          </span>
        ) : null}
      </p>
      {error ? (
        <p className="race-error" role="alert" data-testid={`race-error-${lane}`}>
          {error.message}{' '}
          <button type="button" className="btn btn-small btn-quiet" onClick={() => feed.training.getState().actions.dismissError(error.id)}>
            Dismiss
          </button>
        </p>
      ) : null}
    </header>
  );
}
