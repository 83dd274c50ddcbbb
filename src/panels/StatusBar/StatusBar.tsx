import type { ReactNode } from 'react';
import { epochFraction, epochLabel, fixed1, NONE, whole } from '../../ui/format';
import { useExperiment, useTraining } from '../../ui/stores';
import { activityText } from './activity';
import './statusBar.css';

function Item({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`status-item${className ? ` ${className}` : ''}`}>
      <span className="status-label">{label}</span>
      <span className="status-value">{children}</span>
    </div>
  );
}

/**
 * The run at a glance, in the sticky run bar of every view. Updates at the trainer's metrics rate
 * (about 10×/s), never per step.
 */
export function StatusBar() {
  const state = useTraining((s) => s.state);
  const backend = useTraining((s) => s.backend?.name ?? null);
  const threads = useTraining((s) => s.backend?.threads ?? 1);
  const threadNote = useTraining((s) => s.backend?.threadNote ?? undefined);
  const step = useTraining((s) => s.step);
  const epoch = useTraining((s) => s.epoch);
  const progress = useTraining((s) => s.epochProgress);
  const rate = useTraining((s) => s.imagesPerSec);
  const train = useTraining((s) => s.train?.nelbo ?? null);
  const test = useTraining((s) => s.test?.nelbo ?? null);
  const activity = useTraining((s) => s.progress);
  const message = useTraining((s) => s.message);
  const epochs = useExperiment((s) => s.config.epochs);
  const note = activity ? activityText(activity) : message;

  return (
    <section className="status-bar" aria-label="Training status">
      <Item label="State">
        <span className={`state-pill state-${state}`} data-testid="trainer-state">
          {state}
        </span>
      </Item>
      <Item label="Backend">
        <span className="backend-name" data-testid="backend-name" title={threadNote}>
          {backend ?? NONE}
        </span>
        {backend === 'wasm' && <span data-testid="backend-threads"> · {threads === 1 ? '1 thread' : `${threads} threads`}</span>}
      </Item>
      <Item label={epochLabel(epoch, epochs)} className="status-epoch">
        <progress data-testid="epoch-progress" value={epochFraction(epoch, epochs, progress)} max={1} aria-label="Progress through this epoch" />
      </Item>
      <Item label="Step">
        <span data-testid="step-count">{step}</span>
      </Item>
      <Item label="Images/s">
        <span data-testid="images-per-sec">{whole(rate)}</span>
      </Item>
      <Item label="Train nELBO">
        <span data-testid="train-nelbo">{fixed1(train)}</span>
      </Item>
      <Item label="Valid. nELBO">
        <span data-testid="test-nelbo">{fixed1(test)}</span>
      </Item>
      <p className="status-note" aria-live="polite" data-testid="status-note" title={note ?? undefined}>
        {note}
      </p>
    </section>
  );
}
