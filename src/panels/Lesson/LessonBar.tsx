import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import './lesson.css';
import { FIGURES } from '../../lessons/format';
import { lessonActions, lessonStore } from '../../lessons/lessonRunner';
import { useTraining } from '../../ui/stores';
import { arrowPress, formatFigure, lessonKey, trainTarget } from './lessonText';

/**
 * The open lesson, fixed at the foot of the window (over a full-screen panel too): the step's
 * caption, its prediction question, what the live figure said, and ← / → to step through.
 */
export function LessonBar() {
  const s = useStore(lessonStore);
  const step = useTraining((t) => t.step);
  const barRef = useRef<HTMLElement>(null);
  const [answer, setAnswer] = useState('');

  useEffect(() => setAnswer(''), [s.index, s.ref]);

  // → and ← step through the lesson, unless the key belongs to a field, a tab list, a slider…
  useEffect(() => {
    if (!s.lesson) return;
    const onKey = (e: KeyboardEvent) => {
      const dir = lessonKey(arrowPress(e), document.querySelector('dialog[open]') !== null);
      if (dir === 0) return;
      e.preventDefault();
      if (dir > 0) lessonActions.next();
      else lessonActions.prev();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s.lesson]);

  // A full-screen panel ends above the bar, so the bar never hides its foot.
  useEffect(() => {
    const root = document.documentElement;
    const el = barRef.current;
    if (!s.lesson || !el) return;
    root.dataset.lesson = 'open';
    const ro = new ResizeObserver(() => root.style.setProperty('--lesson-bar-h', `${el.offsetHeight}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      delete root.dataset.lesson;
      root.style.removeProperty('--lesson-bar-h');
    };
  }, [s.lesson]);

  if (!s.lesson) return null;
  const current = s.lesson.steps[s.index];
  const last = s.index === s.lesson.steps.length - 1;
  const predict = current.predict;
  const value = Number(answer.trim() === '' ? NaN : answer);
  return (
    <aside ref={barRef} className="lesson-bar" aria-labelledby="lesson-title" data-testid="lesson-bar" data-step={s.index} data-phase={s.phase}>
      <div className="lesson-head">
        <h2 id="lesson-title">
          {s.lesson.title}
          <span className="lesson-count">
            {' '}
            · step {s.index + 1} of {s.lesson.steps.length}
          </span>
        </h2>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void lessonActions.open(s.ref!, { restart: true })}>
          Start over
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={lessonActions.close} aria-label="Close the lesson">
          Close
        </button>
      </div>
      <p className="lesson-caption" data-testid="lesson-caption">
        {current.caption}
      </p>
      {predict ? (
        <form
          className="lesson-predict"
          onSubmit={(e) => {
            e.preventDefault();
            if (Number.isFinite(value)) lessonActions.answer(value);
          }}
        >
          <label htmlFor="lesson-answer">
            <strong>Predict first:</strong> {predict.question}
          </label>
          <div className="lesson-predict-row">
            <input
              id="lesson-answer"
              type="number"
              step="any"
              inputMode="decimal"
              value={answer}
              disabled={s.phase !== 'asking'}
              onChange={(e) => setAnswer(e.target.value)}
              aria-describedby="lesson-figure-note"
            />
            <button type="submit" className="btn btn-small" disabled={s.phase !== 'asking' || !Number.isFinite(value)}>
              Check my answer
            </button>
          </div>
          <p id="lesson-figure-note" className="panel-note">
            Checked against {FIGURES[predict.figure]}, once the step has run; within {predict.tolerance} counts as right.
          </p>
        </form>
      ) : null}
      <p className="lesson-status" role="status" data-testid="lesson-status">
        {s.phase === 'running' ? (current.train ? `Training to ${trainTarget(current.train)} (now at step ${step})…` : 'Setting up…') : null}
        {s.phase === 'checking' ? 'Reading the live figure…' : null}
        {s.outcome && predict ? (
          <span data-testid="lesson-outcome" data-figure={s.outcome.figure} data-right={s.outcome.right}>
            You said {formatFigure(s.outcome.answer)}; the model says {formatFigure(s.outcome.figure)} ({FIGURES[predict.figure]}).{' '}
            {s.outcome.right ? 'Right, within the tolerance.' : `Off by ${formatFigure(Math.abs(s.outcome.off))}.`}
          </span>
        ) : null}
        {s.error ? <span className="field-error">{s.error}</span> : null}
      </p>
      <div className="lesson-nav">
        <button type="button" className="btn btn-small" onClick={lessonActions.prev} disabled={s.index === 0}>
          ← Back
        </button>
        {s.phase === 'done' && (current.preset || current.train || current.predict) ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={lessonActions.rerun}>
            Run this step {s.outcome || s.error ? 'again' : ''}
          </button>
        ) : null}
        <button type="button" className="btn btn-small btn-primary" onClick={lessonActions.next} disabled={last}>
          Next →
        </button>
        <span className="panel-note">← and → step through the lesson.</span>
      </div>
    </aside>
  );
}
