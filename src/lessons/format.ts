/**
 * A lesson: a small JSON file an instructor steps through with → and ← (README, "Lessons").
 *
 * {
 *   "format": 1,
 *   "title": "Posterior collapse and β",
 *   "source": "Course reports 000 and 001",         // optional: where the story comes from
 *   "steps": [{
 *     "caption": "…",                                // what to say and look at, required
 *     "preset": "seed000-beta2",                     // optional: a preset id (src/config/presets.ts); starts a new run
 *     "train": { "steps": 150 } | { "epochs": 1 },   // optional: train (from the run's start) up to this point, then pause
 *     "panel": "collapse",                           // optional: the panel to show (full screen in Presenter mode)
 *     "predict": {                                   // optional: asked before the step's preset and training run
 *       "question": "How many of the 128 units stay active?",
 *       "figure": "activeUnits",                     // which live figure answers it (FIGURES)
 *       "tolerance": 5                               // an answer within this of the figure counts as right
 *     } }] }
 */
import { PRESET_GROUPS } from '../config/presets';
import { isObj, show } from '../data/quote';

export const LESSON_FORMAT = 1;
export const MAX_STEPS = 50;
/** Training in a lesson is a demonstration, not a run: kept short so a class is not kept waiting. */
export const MAX_TRAIN_STEPS = 20_000;
export const MAX_TRAIN_EPOCHS = 20;

/** Panels a step may show, and the view each lives in. */
export const PANELS: Record<string, { view: string; title: string }> = {
  curves: { view: 'train', title: 'Loss curves' },
  recon: { view: 'train', title: 'Reconstructions' },
  samples: { view: 'train', title: 'Samples from the prior' },
  presets: { view: 'runs', title: 'Experiments from the course reports' },
  'explore-recon': { view: 'explore', title: 'Reconstructions (Explore)' },
  prior: { view: 'explore', title: 'Prior samples (Explore)' },
  scatter: { view: 'explore', title: 'Latent scatter' },
  manifold: { view: 'explore', title: 'Manifold grid' },
  collapse: { view: 'explore', title: 'Posterior collapse' },
  interp: { view: 'explore', title: 'Interpolation' },
  chain: { view: 'explore', title: 'Limiting chain' },
  draw: { view: 'draw', title: 'Draw' },
  completion: { view: 'draw', title: 'Completion' },
  gap: { view: 'draw', title: 'Amortization gap' },
  iwae: { view: 'stats', title: 'Log-likelihood (importance-weighted)' },
  runs: { view: 'runs', title: 'Saved runs' },
  compare: { view: 'runs', title: 'Compare runs' },
};

/** Live figures a prediction is checked against (src/lessons/figures.ts reads them). */
export const FIGURES: Record<string, string> = {
  activeUnits: 'active latent units (posterior-collapse analysis, 1,000 test images)',
  latentDim: 'the size of the latent space',
  trainNelbo: 'the latest training nELBO, nats per image',
  trainKl: 'the latest training KL term, nats per image',
  testNelbo: 'the latest validation nELBO, nats per image (after an epoch)',
  amortizationGap: 'the mean amortization gap on 8 test images, nats (fitted q minus the encoder’s)',
};
export type FigureId = keyof typeof FIGURES;

export interface LessonStep {
  caption: string;
  preset?: string;
  train?: { steps: number } | { epochs: number };
  panel?: string;
  predict?: { question: string; figure: FigureId; tolerance: number };
}
export interface Lesson {
  format: number;
  title: string;
  source?: string;
  steps: LessonStep[];
}
export type LessonCheck = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

const PRESET_IDS = new Set(PRESET_GROUPS.flatMap((g) => g.presets.map((p) => p.id)));


const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;
const wholeIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** Checks a parsed lesson file; each error names `source` and the field path, as the dataset manifest's do. */
export function validateLesson(json: unknown, source: string): LessonCheck {
  const errors: string[] = [];
  const fail = (path: string, msg: string, v: unknown) => errors.push(`${source}: ${path} ${msg} (got ${show(v)})`);
  if (!isObj(json)) return { ok: false, errors: [`${source}: a lesson must be a JSON object (got ${show(json)})`] };
  if (wholeIn(json.format, LESSON_FORMAT + 1, Number.MAX_SAFE_INTEGER)) {
    return { ok: false, errors: [`${source}: format ${json.format} was made by a newer version of VAE Playground (this one reads format ${LESSON_FORMAT}); reload the page to update`] };
  }
  if (json.format !== LESSON_FORMAT) fail('format', `must be ${LESSON_FORMAT}`, json.format);
  if (!text(json.title, 200)) fail('title', 'must be a non-empty string of at most 200 characters', json.title);
  if (json.source !== undefined && !text(json.source, 300)) fail('source', 'must be a non-empty string of at most 300 characters when given', json.source);
  if (!Array.isArray(json.steps) || json.steps.length < 1 || json.steps.length > MAX_STEPS) {
    fail('steps', `must be an array of 1 to ${MAX_STEPS} steps`, json.steps);
    return { ok: false, errors };
  }
  json.steps.forEach((s: unknown, i) => checkStep(s, `steps[${i}]`, fail));
  return errors.length ? { ok: false, errors } : { ok: true, lesson: json as unknown as Lesson };
}

type Fail = (path: string, msg: string, v: unknown) => void;

function checkStep(s: unknown, at: string, fail: Fail): void {
  if (!isObj(s)) return fail(at, 'must be an object', s);
  const known = new Set(['caption', 'preset', 'train', 'panel', 'predict']);
  for (const key of Object.keys(s)) if (!known.has(key)) fail(`${at}.${key}`, `is not a step field (caption, preset, train, panel, predict)`, s[key]);
  if (!text(s.caption, 2000)) fail(`${at}.caption`, 'must be a non-empty string of at most 2000 characters', s.caption);
  if (s.preset !== undefined && (typeof s.preset !== 'string' || !PRESET_IDS.has(s.preset))) {
    fail(`${at}.preset`, `must be the id of a preset, e.g. ${[...PRESET_IDS].slice(0, 3).join(', ')}`, s.preset);
  }
  if (s.panel !== undefined && (typeof s.panel !== 'string' || !Object.prototype.hasOwnProperty.call(PANELS, s.panel))) {
    fail(`${at}.panel`, `must be one of ${Object.keys(PANELS).join(', ')}`, s.panel);
  }
  if (s.train !== undefined) {
    const t = s.train;
    const keys = isObj(t) ? Object.keys(t) : [];
    if (!isObj(t) || keys.length !== 1 || !(keys[0] === 'steps' || keys[0] === 'epochs')) fail(`${at}.train`, 'must be { "steps": n } or { "epochs": n }', t);
    else if (keys[0] === 'steps' && !wholeIn(t.steps, 1, MAX_TRAIN_STEPS)) fail(`${at}.train.steps`, `must be a whole number from 1 to ${MAX_TRAIN_STEPS}`, t.steps);
    else if (keys[0] === 'epochs' && !wholeIn(t.epochs, 1, MAX_TRAIN_EPOCHS)) fail(`${at}.train.epochs`, `must be a whole number from 1 to ${MAX_TRAIN_EPOCHS}`, t.epochs);
  }
  if (s.predict !== undefined) {
    const p = s.predict;
    if (!isObj(p)) return fail(`${at}.predict`, 'must be an object with question, figure and tolerance', p);
    if (!text(p.question, 500)) fail(`${at}.predict.question`, 'must be a non-empty string of at most 500 characters', p.question);
    if (typeof p.figure !== 'string' || !Object.prototype.hasOwnProperty.call(FIGURES, p.figure)) {
      fail(`${at}.predict.figure`, `must be one of ${Object.keys(FIGURES).join(', ')}`, p.figure);
    }
    if (typeof p.tolerance !== 'number' || !Number.isFinite(p.tolerance) || p.tolerance < 0) fail(`${at}.predict.tolerance`, 'must be a number ≥ 0', p.tolerance);
  }
}

/**
 * Where a lesson comes from: a bare name is public/lessons/<name>.json on this site; otherwise a URL
 * on this site or https elsewhere. Returns the URL, or a message saying why not.
 */
export function lessonUrl(ref: string, base: string): { ok: true; url: string } | { ok: false; error: string } {
  const r = ref.trim();
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(r)) return { ok: true, url: new URL(`lessons/${r}.json`, base).href };
  let u: URL;
  try {
    u = new URL(r, base);
  } catch {
    return { ok: false, error: `Lesson "${r}": not a lesson name (letters, digits, "-", "_") nor a URL.` };
  }
  const here = new URL(base).origin;
  if (u.origin !== here && u.protocol !== 'https:') return { ok: false, error: `Lesson "${r}": a lesson from another site must use https:// (or be on this site, ${here}).` };
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, error: `Lesson "${r}": only http(s) addresses can be loaded.` };
  return { ok: true, url: u.href };
}

/** Whether an answer counts as right: within the tolerance of the live figure. */
export function judge(answer: number, figure: number, tolerance: number): { right: boolean; off: number } {
  const off = answer - figure;
  return { right: Math.abs(off) <= tolerance + 1e-9, off };
}
