import { PRESET_GROUPS, presetRunName } from '../config/presets';
import { displayStore } from '../store/display';
import { presetStore } from '../store/preset';
import { trainingStore } from '../store/stores';
import { isFreshRun, onTrainerEvent } from '../store/trainer';
import { runsActions } from '../panels/Runs/runsStore';
import { showPanel } from '../app/stageNav';
import { readFigure } from './figures';
import { judge, lessonUrl, PANELS, validateLesson, type LessonStep } from './format';
import { INITIAL, lessonStore, save, saved } from '../store/lesson';

export { lessonStore };

let stepAbort: AbortController | null = null;

const preset = (id: string) => {
  for (const g of PRESET_GROUPS) for (const p of g.presets) if (p.id === id) return { g, p };
  return null;
};

/** Trains until the step's target (counted in the run's steps or completed epochs), then pauses. */
function trainTo(target: LessonStep['train'], freshRun: boolean, signal: AbortSignal): Promise<void> {
  if (!target) return Promise.resolve();
  const reached = () => {
    const s = trainingStore.getState();
    return 'steps' in target ? s.step >= target.steps : s.epoch >= target.epochs;
  };
  return new Promise((resolve, reject) => {
    let fresh = !freshRun;
    const finish = (err?: Error) => {
      off();
      if (err) reject(err);
      else resolve();
    };
    const check = () => {
      if (!fresh) return;
      // A run that ends first (its epochs done, or early stopping) ends the step where it stopped.
      if (trainingStore.getState().state === 'stopped') return finish();
      if (reached()) {
        if (trainingStore.getState().state === 'training') trainingStore.getState().actions.pause();
        finish();
      }
    };
    const off = onTrainerEvent((e) => {
      if (isFreshRun(e)) fresh = true;
      if (e.type === 'error' && !e.recoverable) finish(new Error(e.message));
      else check();
    });
    signal.addEventListener('abort', () => finish(new Error('cancelled')));
    if (!freshRun && !reached()) trainingStore.getState().actions.train();
    check();
  });
}

function showStepPanel(step: LessonStep): void {
  if (!step.panel) return;
  const p = PANELS[step.panel];
  showPanel(p.view, step.panel, displayStore.getState().presenter);
}

/** The step's preset and training, then its panel, then (with a prediction) the live figure. */
async function runStep(answer: number | null): Promise<void> {
  const { lesson, index } = lessonStore.getState();
  const step = lesson?.steps[index];
  if (!step) return;
  stepAbort?.abort();
  const abort = (stepAbort = new AbortController());
  lessonStore.setState({ phase: 'running', error: null, outcome: null });
  try {
    const found = step.preset ? preset(step.preset) : null;
    if (found) {
      presetStore.getState().actions.set(found.g, found.p);
      runsActions.startFrom(found.p.config, { name: presetRunName(found.g, found.p), train: !!step.train });
    }
    showStepPanel(step);
    await trainTo(step.train, !!found, abort.signal);
    showStepPanel(step);
    if (step.predict && answer !== null) {
      lessonStore.setState({ phase: 'checking' });
      const figure = await readFigure(step.predict.figure, abort.signal);
      if (abort.signal.aborted) return;
      lessonStore.setState({ outcome: { answer, figure, ...judge(answer, figure, step.predict.tolerance) } });
    }
    if (!abort.signal.aborted) lessonStore.setState({ phase: 'done' });
  } catch (err) {
    if (!abort.signal.aborted) lessonStore.setState({ phase: 'done', error: err instanceof Error ? err.message : String(err) });
  }
}

/** Moves to step `index`: forward runs it (asking first where it predicts), back only shows it. */
function go(index: number, run: boolean): void {
  const { lesson, ref } = lessonStore.getState();
  if (!lesson) return;
  const i = Math.max(0, Math.min(lesson.steps.length - 1, index));
  stepAbort?.abort();
  stepAbort = null;
  lessonStore.setState({ index: i, outcome: null, error: null, phase: 'done' });
  save(ref, i);
  const step = lesson.steps[i];
  if (!run) return showStepPanel(step);
  if (step.predict) {
    lessonStore.setState({ phase: 'asking' });
    showStepPanel(step);
  } else void runStep(null);
}

export const lessonActions = {
  /** Opens a lesson by name (public/lessons/<name>.json) or URL; a bad file leaves the open one as it was. */
  async open(ref: string, opts: { restart?: boolean } = {}): Promise<boolean> {
    const where = lessonUrl(ref, document.baseURI);
    if (!where.ok) {
      lessonStore.setState({ loadError: [where.error] });
      return false;
    }
    lessonStore.setState({ loading: true, loadError: null });
    let json: unknown;
    try {
      const res = await fetch(where.url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`Lesson "${ref}": ${where.url} answered ${res.status} ${res.statusText}`.trim());
      const text = await res.text();
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new Error(`Lesson "${ref}": ${where.url} is not JSON (${(err as Error).message})`);
      }
    } catch (err) {
      lessonStore.setState({ loading: false, loadError: [err instanceof Error ? err.message : String(err)] });
      return false;
    }
    const check = validateLesson(json, ref);
    if (!check.ok) {
      lessonStore.setState({ loading: false, loadError: check.errors });
      return false;
    }
    const before = saved().at[ref];
    const at = opts.restart || before === undefined ? 0 : Math.max(0, Math.min(before, check.lesson.steps.length - 1));
    stepAbort?.abort();
    lessonStore.setState({ ...INITIAL, ref, lesson: check.lesson, index: at });
    save(ref, at);
    // A lesson opened afresh runs its first step; one reopened where it was only shows it.
    go(at, !!opts.restart || before === undefined);
    return true;
  },
  close(): void {
    stepAbort?.abort();
    lessonStore.setState(INITIAL);
    save(null, 0);
  },
  next(): void {
    const { lesson, index } = lessonStore.getState();
    if (lesson && index < lesson.steps.length - 1) go(index + 1, true);
  },
  prev(): void {
    const { index } = lessonStore.getState();
    if (index > 0) go(index - 1, false);
  },
  /** Runs the current step again (or for the first time, after a reload or going back). */
  rerun(): void {
    const { index } = lessonStore.getState();
    go(index, true);
  },
  answer(value: number): void {
    if (lessonStore.getState().phase === 'asking' && Number.isFinite(value)) void runStep(value);
  },
  dismissError(): void {
    lessonStore.setState({ loadError: null });
  },
};

/** The lesson to open at start: a #lesson= link first, else the one open when the page was left. */
export function lessonAtStart(fromLink: string | null): string | null {
  return fromLink ?? saved().open;
}

/** Takes `lesson=` out of the address's hash (the rest is the config link) and returns it. */
export function takeLessonFromHash(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const ref = params.get('lesson');
  if (ref === null) return null;
  params.delete('lesson');
  const rest = params.toString();
  history.replaceState(history.state, '', rest ? `#${rest}` : window.location.pathname + window.location.search);
  return ref;
}
