import { TIMELINE_BUDGET_BYTES, type RunsRequest, type RunsResult, type RunSummary, type TrainerEvent } from '../../protocol';
import { exportArchive } from '../export';
import { emptyHistory, MetricHistory } from './history';
import { variableShapes } from '../model/build';
import { buildModelFile, checkInputShape, parseModelFile, type LoadedModel } from './modelFile';
import { LOCK_WAIT_MS, type OpenedRun, type RunRecorder } from './recorder';
import { captureWeights, checkWeightShapes, type SessionState } from './snapshot';
import { thin } from '../timeline/budget';
import { encodeSnapshots } from '../timeline/fileFormat';

export interface RunsContext {
  recorder: RunRecorder;
  emit(e: TrainerEvent): void;
  /** Puts an opened run into the trainer (data, model, weights), paused; rejects with a message. */
  open(run: OpenedRun): Promise<void>;
  newId(): string;
}

/** Answers one request on saved runs with a runsResult or a runsError event. */
export async function answerRuns(ctx: RunsContext, requestId: number, req: RunsRequest): Promise<void> {
  try {
    const result = await answer(ctx, req);
    ctx.emit({ type: 'runsResult', requestId, result });
  } catch (err) {
    ctx.emit({ type: 'runsError', requestId, message: err instanceof Error ? err.message : String(err) });
  }
}

async function answer(ctx: RunsContext, req: RunsRequest): Promise<RunsResult> {
  const r = ctx.recorder;
  // Reads see every save asked for before this request.
  await r.settled();
  const current = r.run;
  const isCurrent = (id: string) => current?.summary.id === id;
  switch (req.op) {
    case 'list':
      return { op: 'list', runs: await r.store.list() };
    case 'rename': {
      const name = req.name.trim().slice(0, 120);
      if (!name) throw new Error('A run needs a name: type at least one character.');
      if (isCurrent(req.id)) current!.summary.name = name;
      const run = await r.store.update(req.id, { name });
      if (!run) throw new Error('That run is no longer saved in this browser.');
      return { op: 'rename', run };
    }
    case 'remove':
      if (isCurrent(req.id)) throw new Error('This run is the one in the Train view: press Reset there first, then delete it.');
      await r.store.remove(req.id);
      return { op: 'remove' };
    case 'discard':
      await r.store.update(req.id, { status: 'stopped' });
      return { op: 'discard' };
    case 'history': {
      const history = isCurrent(req.id) ? structuredClone(current!.history.data) : await r.store.history(req.id);
      return { op: 'history', id: req.id, history: history ?? emptyHistory() };
    }
    case 'exportModel':
      return { op: 'exportModel', ...(await exportModel(ctx, req.id)) };
    case 'exportFor': {
      const { fileName, text } = await exportModel(ctx, req.id);
      const check = parseModelFile(text);
      if (!check.ok) throw new Error(check.message);
      return { op: 'exportFor', ...exportArchive(check.model, req.target, fileName.replace(/\.vae\.json$/, '')) };
    }
    case 'importModel': {
      const check = parseModelFile(req.text);
      if (!check.ok) throw new Error(check.message);
      const opened = fromModel(check.model, ctx.newId(), Date.now());
      await ctx.open(opened);
      return { op: 'importModel', run: r.run?.summary ?? opened.summary };
    }
    case 'importRuns':
      return { op: 'importRuns', ...(await importRuns(ctx, req.files, req.group)) };
    case 'snapshots':
      return { op: 'snapshots', ...(await r.timeline(req.id)) };
  }
}

async function exportModel(ctx: RunsContext, id: string): Promise<{ fileName: string; text: string }> {
  const r = ctx.recorder;
  const current = r.run;
  let summary: RunSummary | null;
  let weights;
  let history;
  const { snapshots } = await r.timeline(id);
  if (current?.summary.id === id) {
    summary = current.summary;
    weights = await captureWeights(current.session);
    history = structuredClone(current.history.data);
  } else {
    summary = await r.store.summary(id);
    const state = summary && (await r.store.state(id));
    if (!summary || !state) throw new Error('That run has no saved weights in this browser.');
    weights = state.weights;
    history = (await r.store.history(id)) ?? undefined;
  }
  const text = buildModelFile(
    {
      name: summary.name,
      config: summary.config,
      dataset: summary.dataset,
      progress: { step: summary.step, epoch: summary.epoch },
      history,
      ...(snapshots.length ? { timeline: encodeSnapshots(snapshots) } : {}),
    },
    weights,
  );
  const slug = summary.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model';
  return { fileName: `${slug}-step${summary.step}.vae.json`, text };
}

/** Saves each file as a finished run of `group`, without touching the run in the Train view. */
async function importRuns(ctx: RunsContext, files: { fileName: string; text: string }[], group: string) {
  const name = group.trim().slice(0, 120);
  if (!name) throw new Error('A group of runs needs a name.');
  if (!Array.isArray(files) || files.length === 0) throw new Error('Choose at least one model file to import.');
  const runs: RunSummary[] = [];
  const refused: { fileName: string; message: string }[] = [];
  const now = Date.now();
  for (const [i, f] of files.entries()) {
    const check = parseModelFile(f.text);
    if (!check.ok) {
      refused.push({ fileName: f.fileName, message: check.message });
      continue;
    }
    const opened = fromModel(check.model, ctx.newId(), now + i);
    const summary: RunSummary = { ...opened.summary, status: 'finished', group: name, final: new MetricHistory(opened.history).final() };
    // A model file has weights and its step, no optimizer or shuffle state: restoreSession takes that
    // partial form (RestorableState) when the run is opened later, as it does for importModel.
    if (await ctx.recorder.store.save(summary, opened.history, opened.state as SessionState)) {
      runs.push(summary);
      if (opened.snapshots?.length) await ctx.recorder.snapshots.put(summary.id, opened.snapshots, []);
    }
    else refused.push({ fileName: f.fileName, message: 'This browser’s storage is full: delete some saved runs and import it again.' });
  }
  return { runs, refused };
}

/** A model file as a new run: its weights, a fresh optimizer, its step and curves. */
export function fromModel(m: LoadedModel, id: string, at: number): OpenedRun {
  const f = m.file;
  const history = f.history ?? emptyHistory();
  const summary: RunSummary = {
    id,
    name: f.name,
    config: f.config,
    dataset: f.dataset,
    status: 'active',
    step: f.progress.step,
    epoch: f.progress.epoch,
    createdAt: at,
    updatedAt: at,
    trainingMs: 0,
    paramCount: m.weights.specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0),
    final: { train: null, test: null },
  };
  // A file may carry more than this page keeps: thinned to the budget as a run's own would be.
  const all = (m.snapshots ?? []).map((s) => ({ ...s, runId: id }));
  const dropped = new Set(thin(all, TIMELINE_BUDGET_BYTES));
  const snapshots = all.filter((s) => !dropped.has(s.step));
  return { summary, history, state: { weights: m.weights, progress: f.progress }, ...(snapshots.length ? { snapshots } : {}) };
}

/** A saved run, with its lock taken; throws a message when it is gone or open in another tab. */
export async function openSaved(r: RunRecorder, id: string): Promise<OpenedRun> {
  await r.settled();
  const [summary, history, state] = await Promise.all([r.store.summary(id), r.store.history(id), r.store.state(id)]);
  if (!summary || !state) throw new Error('That run has no checkpoint saved in this browser any more.');
  if (!(await r.locks.acquire(id, LOCK_WAIT_MS))) {
    throw new Error(`"${summary.name}" is open in another tab, which keeps saving it. Continue it there, or close that tab and try again.`);
  }
  return { summary, history: history ?? emptyHistory(), state };
}

/** The newest run left active (a reload, a closed tab, a crash) that no other tab holds. */
export async function findResumable(r: RunRecorder): Promise<RunSummary | null> {
  await r.settled();
  const mine = r.run?.summary.id;
  let wait = LOCK_WAIT_MS;
  for (const run of await r.store.list()) {
    if (run.status !== 'active' || run.id === mine || run.step === 0) continue;
    // Only the newest may wait: its holder may be the worker that just crashed or the tab just closed.
    const free = await r.locks.acquire(run.id, wait);
    wait = 0;
    if (free) {
      r.locks.release(run.id);
      return run;
    }
  }
  return null;
}

/**
 * Throws the reason a run or model file cannot open here (its images are another shape than the
 * loaded dataset's, or its weights do not fit its config), before the open run is closed for it.
 */
export function refuseEarly(open: OpenedRun, loaded: { id: string; data: { shape: readonly number[] } } | null): void {
  if (loaded?.id === open.summary.config.dataset) {
    const refused = checkInputShape(open.summary.dataset, loaded.data.shape);
    if (refused) throw new Error(refused.message);
  }
  checkWeightShapes(variableShapes(open.summary.config, open.summary.dataset.shape), open.state.weights.specs);
}
