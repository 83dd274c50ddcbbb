import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentConfig } from '../config/experiment';
import type { TrainerPort } from '../client/port';
import type { ExportTarget, RunHistory, RunSummary, TrainerEvent } from '../protocol';
import { fetchModelText } from '../data/modelUrl';
import { fetchStartingPoint, type StartingPoint } from '../data/startingPoints';
import { plainError } from '../plainError';

/** How the runs store hands a config to the Train view (the experiment store's load). */
export type LoadConfig = (config: ExperimentConfig, opts?: { running?: boolean }) => unknown;

export interface RunsState {
  /** Saved runs, newest first. */
  runs: RunSummary[];
  /** Ids chosen for the comparison, in the order chosen. */
  compare: string[];
  histories: Record<string, RunHistory>;
  /** The run the Train view holds, once it has been saved or opened. */
  currentRunId: string | null;
  /** An unfinished run the page offers to resume (after a reload, a closed tab, a crash). */
  resumable: RunSummary | null;
  /** True once the trainer has said whether a run can be resumed. */
  resumeChecked: boolean;
  /** What the last action did, or why it failed. */
  notice: { kind: 'info' | 'error'; text: string } | null;
  /** Settings a shared link carried that were ignored. */
  linkNotes: string[];
  /** A model named by the link (#model=): loading, loaded, or why it was refused. */
  modelLink: { kind: 'loading' | 'info' | 'error'; text: string } | null;
  actions: {
    refresh(): Promise<void>;
    rename(id: string, name: string): Promise<boolean>;
    remove(id: string): Promise<void>;
    toggleCompare(id: string): Promise<void>;
    exportModel(id: string): Promise<{ fileName: string; text: string } | null>;
    importModel(text: string): Promise<RunSummary | null>;
    /** Many model files as one named group of finished runs, ticked for comparison; the Train view is left alone. */
    importRuns(files: { fileName: string; text: string }[], now?: Date): Promise<RunSummary[]>;
    /** Ticks exactly the runs of one group for comparison. */
    compareGroup(group: string): Promise<void>;
    /** The run's model as a zip for TF.js/Keras or PyTorch; null (with the message shown) when refused. */
    exportFor(id: string, target: ExportTarget): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> } | null>;
    checkResume(): void;
    /** Restores a run in the Train view; `train` goes on training at once. */
    resume(run: Pick<RunSummary, 'id' | 'config'>, train: boolean): void;
    discard(run: RunSummary): Promise<void>;
    /** Starts a new experiment from a config (a preset, a run to duplicate): the current run is kept. */
    startFrom(config: ExperimentConfig, opts?: { name?: string; train?: boolean }): void;
    setLinkNotes(notes: string[]): void;
    /** Downloads the model file a link names and opens it, paused, as importModel does. */
    openModelLink(address: string): Promise<RunSummary | null>;
    /** Opens a shipped starting point (checked against its sha256), paused, as openModelLink does. */
    openStartingPoint(start: StartingPoint): Promise<RunSummary | null>;
    dismissModelLink(): void;
    dismissNotice(): void;
    /** A run saved by another trainer of this tab (the race's second lane): listed, not made current. */
    noteSaved(run: RunSummary): void;
  };
}

type Data = Omit<RunsState, 'actions'>;

/** Events that change the runs list or the offer to resume; pure, so tested without a worker. */
export function foldRuns(s: Data, e: TrainerEvent): Partial<Data> {
  switch (e.type) {
    case 'runSaved': {
      const rest = s.runs.filter((r) => r.id !== e.run.id);
      // A run saving in the Train view (a new one, or the one resumed) answers the offer to resume.
      return { runs: [e.run, ...rest], currentRunId: e.run.id, resumable: null };
    }
    case 'resumable':
      return { resumable: e.run, resumeChecked: true };
    case 'history':
      return { currentRunId: e.runId, histories: { ...s.histories, [e.runId]: e.history } };
    case 'status':
      return e.state === 'idle' && e.step === 0 && s.currentRunId ? { currentRunId: null } : {};
    default:
      return {};
  }
}

/** "Imported 5 runs at 14:02": names a class's batch of files by count and local time. */
export function groupName(count: number, at: Date): string {
  const hh = String(at.getHours()).padStart(2, '0');
  const mm = String(at.getMinutes()).padStart(2, '0');
  return `Imported ${count} run${count === 1 ? '' : 's'} at ${hh}:${mm}`;
}

export const INITIAL_RUNS: Data = { runs: [], compare: [], histories: {}, currentRunId: null, resumable: null, resumeChecked: false, notice: null, linkNotes: [], modelLink: null };

export function createRunsStore(port: TrainerPort, loadConfig: LoadConfig): StoreApi<RunsState> {
  const store = createStore<RunsState>()((set, get) => {
    const fail = (err: unknown) => set({ notice: { kind: 'error', text: plainError(err) } });
    const info = (text: string) => set({ notice: { kind: 'info', text } });
    /** Downloads a model file and opens it as importModel does; what happened goes to `modelLink`. */
    const openFrom = async <D extends { url: string; text: string }>(loading: string, download: () => Promise<D>, opened: (run: RunSummary, got: D) => string) => {
      set({ modelLink: { kind: 'loading', text: loading } });
      try {
        const got = await download();
        const { run } = await port.request<'importModel'>('runs', { op: 'importModel', text: got.text });
        loadConfig(run.config, { running: true });
        set({ modelLink: { kind: 'info', text: opened(run, got) } });
        void get().actions.refresh();
        return run;
      } catch (err) {
        set({ modelLink: { kind: 'error', text: `The model was not opened. ${plainError(err)}` } });
        return null;
      }
    };
    const loadHistory = async (id: string) => {
      const { history } = await port.request<'history'>('runs', { op: 'history', id });
      set({ histories: { ...get().histories, [id]: history } });
    };
    return {
      ...INITIAL_RUNS,
      actions: {
        refresh: async () => {
          try {
            const { runs } = await port.request<'list'>('runs', { op: 'list' });
            const ids = new Set(runs.map((r) => r.id));
            set({ runs, compare: get().compare.filter((id) => ids.has(id)) });
          } catch (err) {
            fail(err);
          }
        },
        rename: async (id, name) => {
          try {
            const { run } = await port.request<'rename'>('runs', { op: 'rename', id, name });
            set({ runs: get().runs.map((r) => (r.id === id ? run : r)) });
            return true;
          } catch (err) {
            fail(err);
            return false;
          }
        },
        remove: async (id) => {
          try {
            await port.request<'remove'>('runs', { op: 'remove', id });
            const histories = { ...get().histories };
            delete histories[id];
            set({ runs: get().runs.filter((r) => r.id !== id), compare: get().compare.filter((c) => c !== id), histories });
          } catch (err) {
            fail(err);
          }
        },
        toggleCompare: async (id) => {
          const { compare, histories } = get();
          if (compare.includes(id)) return set({ compare: compare.filter((c) => c !== id) });
          set({ compare: [...compare, id] });
          if (!histories[id]) await loadHistory(id).catch(fail);
        },
        exportModel: async (id) => {
          try {
            return await port.request<'exportModel'>('runs', { op: 'exportModel', id });
          } catch (err) {
            fail(err);
            return null;
          }
        },
        exportFor: async (id, target) => {
          try {
            return await port.request<'exportFor'>('runs', { op: 'exportFor', id, target });
          } catch (err) {
            fail(err);
            return null;
          }
        },
        importModel: async (text) => {
          try {
            const { run } = await port.request<'importModel'>('runs', { op: 'importModel', text });
            loadConfig(run.config, { running: true });
            info(`Loaded "${run.name}" at step ${run.step}: it is in the Train view, paused.`);
            void get().actions.refresh();
            return run;
          } catch (err) {
            fail(err);
            return null;
          }
        },
        importRuns: async (files, now = new Date()) => {
          const group = groupName(files.length, now);
          try {
            const { runs, refused } = await port.request<'importRuns'>('runs', { op: 'importRuns', files, group });
            await get().actions.refresh();
            if (runs.length) await get().actions.compareGroup(group);
            const landed = runs.length ? `${runs.length} run${runs.length === 1 ? '' : 's'} landed as the group "${group}", ticked for comparison below.` : 'No run was imported.';
            const bad = refused.map((r) => `${r.fileName}: ${r.message}`).join(' ');
            set({ notice: { kind: refused.length ? 'error' : 'info', text: refused.length ? `${landed} Refused: ${bad}` : landed } });
            return runs;
          } catch (err) {
            fail(err);
            return [];
          }
        },
        compareGroup: async (group) => {
          const ids = get().runs.filter((r) => r.group === group).map((r) => r.id);
          set({ compare: ids });
          const missing = ids.filter((id) => !get().histories[id]);
          await Promise.all(missing.map((id) => loadHistory(id))).catch(fail);
        },
        checkResume: () => port.send({ type: 'checkResume' }),
        resume: (run, train) => {
          loadConfig(run.config);
          set({ resumable: null });
          port.send({ type: 'resumeRun', runId: run.id, train });
        },
        discard: async (run) => {
          set({ resumable: null });
          try {
            await port.request<'discard'>('runs', { op: 'discard', id: run.id });
            set({ runs: get().runs.map((r) => (r.id === run.id ? { ...r, status: 'stopped' } : r)) });
          } catch (err) {
            fail(err);
          }
        },
        startFrom: (config, opts = {}) => {
          port.send({ type: 'reset' });
          loadConfig(config);
          if (opts.train) port.send({ type: 'start', ...(opts.name ? { name: opts.name } : {}) });
        },
        setLinkNotes: (linkNotes) => set({ linkNotes }),
        openModelLink: (address) =>
          openFrom(`Downloading the model at ${address}…`, () => fetchModelText(address), (run, { url }) => `Opened "${run.name}" from ${url} at step ${run.step}: it is paused here; press Train to go on.`),
        openStartingPoint: (start) =>
          openFrom(
            `Downloading the trained model ${start.file}…`,
            () => fetchStartingPoint(start),
            (run, { fromCache }) =>
              `Opened "${run.name}", trained ahead to step ${run.step} (test nELBO ${start.testNelbo.toFixed(1)}${fromCache ? '; from this browser’s copy, no download' : ''}): it is paused here; press Train to go on.`,
          ),
        dismissModelLink: () => set({ modelLink: null }),
        dismissNotice: () => set({ notice: null }),
        noteSaved: (run) => set({ runs: [run, ...get().runs.filter((r) => r.id !== run.id)] }),
      },
    };
  });
  port.subscribe((e) => {
    const patch = foldRuns(store.getState(), e);
    if (Object.keys(patch).length) store.setState(patch);
    const s = store.getState();
    // A compared run that is still training: its curves grow with each save.
    if (e.type === 'runSaved' && s.compare.includes(e.run.id)) {
      void port.request<'history'>('runs', { op: 'history', id: e.run.id })
        .then(({ history }) => store.setState({ histories: { ...store.getState().histories, [e.run.id]: history } }))
        .catch(() => undefined);
    }
  });
  return store;
}
