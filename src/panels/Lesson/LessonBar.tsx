import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import './lesson.css';
import { FIGURES } from '../../lessons/format';
import { lessonActions, lessonStore } from '../../lessons/lessonRunner';
import { useTraining } from '../../ui/stores';
import { useHeightVar } from '../../ui/useHeightVar';
import { arrowPress, formatFigure, lessonKey, trainTarget } from './lessonText';

/**
 * The open lesson, fixed at the foot of the window (over a full-screen panel too): the step's
 * caption, its prediction question, what the live figure said, and ← / → to step through.
 * It stays short (lesson.css caps it near 30 % of the window) so the run bar and the chart keep
 * the rest: the caption is clamped with "More", the body scrolls, the button row never does.
 */
export function LessonBar() {
  const s = useStore(lessonStore);
  const step = useTraining((t) => t.step);
  const barRef = useRef<HTMLElement>(null);
  const captionRef = useRef<HTMLParagraphElement>(null);
  const [answer, setAnswer] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);

  useEffect(() => {
    setAnswer('');
    setExpanded(false);
  }, [s.index, s.ref]);

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
    if (!s.lesson) return;
    const root = document.documentElement;
    root.dataset.lesson = 'open';
    return () => void delete root.dataset.lesson;
  }, [s.lesson]);
  useHeightVar(barRef, '--lesson-bar-h', !!s.lesson);

  // A caption longer than its clamped lines offers "More" (the clamp keeps the bar short).
  useLayoutEffect(() => {
    const el = captionRef.current;
    if (!el) return;
    const measure = () => setClamped(el.scrollHeight > el.clientHeight + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [s.lesson, s.index, expanded]);

  if (!s.lesson) return null;
  const current = s.lesson.steps[s.index];
  const last = s.index === s.lesson.steps.length - 1;
  const predict = current.predict;
  const value = Number(answer.trim() === '' ? NaN : answer);
  const asking = s.phase === 'asking';
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
      <div className="lesson-body">
        <p ref={captionRef} id="lesson-caption" className="lesson-caption" data-testid="lesson-caption" data-expanded={expanded}>
          {current.caption}
        </p>
        {clamped || expanded ? (
          <button type="button" className="lesson-more" aria-expanded={expanded} aria-controls="lesson-caption" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Less' : 'More'}
          </button>
        ) : null}
        {predict ? (
          <label className="lesson-question" htmlFor="lesson-answer">
            <strong>Predict first:</strong> {predict.question}
          </label>
        ) : null}
        <p className="lesson-status" role="status" data-testid="lesson-status">
          {asking && predict ? (
            <span id="lesson-figure-note" className="panel-note">
              Checked against {FIGURES[predict.figure]}, once the step has run; within {predict.tolerance} counts as right.
            </span>
          ) : null}
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
      </div>
      {/* One row that never scrolls away: step back, answer, step on. */}
      <div className="lesson-nav">
        <button type="button" className="btn btn-small" onClick={lessonActions.prev} disabled={s.index === 0}>
          ← Back
        </button>
        {predict ? (
          <form
            className="lesson-predict"
            onSubmit={(e) => {
              e.preventDefault();
              if (Number.isFinite(value)) lessonActions.answer(value);
            }}
          >
            <input
              id="lesson-answer"
              type="number"
              step="any"
              inputMode="decimal"
              value={answer}
              disabled={!asking}
              onChange={(e) => setAnswer(e.target.value)}
              aria-describedby={asking ? 'lesson-figure-note' : undefined}
            />
            <button type="submit" className="btn btn-small" disabled={!asking || !Number.isFinite(value)} aria-label="Check my answer">
              Check<span className="lesson-wide"> my answer</span>
            </button>
          </form>
        ) : null}
        {s.phase === 'done' && (current.preset || current.train || current.predict) ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={lessonActions.rerun}>
            Run this step {s.outcome || s.error ? 'again' : ''}
          </button>
        ) : null}
        <button type="button" className="btn btn-small btn-primary" onClick={lessonActions.next} disabled={last}>
          Next →
        </button>
        <span className="panel-note key-hint">← and → step through the lesson.</span>
      </div>
    </aside>
  );
}
