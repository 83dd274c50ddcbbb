import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnalysisResultOf, CompletionResult } from '../protocol';
import type { RequestFn } from '../client/port';
import { DEFAULT_TEXT, parseSettings, type CompletionSettingsText } from './completionSettings';
import { plainError } from '../plainError';

export type Method = 'amortized' | 'optimize';
export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunState {
  status: RunStatus;
  message: string | null;
  done: number;
  total: number;
  /** The latest completion: a streamed snapshot while running, then the final one. */
  image: Float32Array | null;
  result: CompletionResult | null;
}

export type GapResult = AnalysisResultOf<'amortizationGap'>;

export interface CompletionState {
  text: CompletionSettingsText;
  fill: 'zeros' | 'mean';
  init: 'random' | 'encoder';
  /** Run both completions after every stroke. */
  auto: boolean;
  amortized: RunState;
  optimize: RunState;
  gap: { status: RunStatus; message: string | null; done: number; total: number; result: GapResult | null };
  actions: {
    set(patch: Partial<Pick<CompletionState, 'text' | 'fill' | 'init' | 'auto'>>): void;
    /** Cancels whatever runs and completes this image both ways. */
    run(pixels: Float32Array, mask: Uint8Array): void;
    cancel(): void;
    measureGap(): void;
    cancelGap(): void;
  };
}

/** What the ELBO chart is told, outside React: a new run, its points as they stream, the encoder's level. */
export type CurveEvent = { type: 'reset'; steps: number } | { type: 'points'; from: number; elbo: Float32Array } | { type: 'reference'; elbo: number };

const IDLE: RunState = { status: 'idle', message: null, done: 0, total: 0, image: null, result: null };
const GAP_IMAGES = 10;

export function createCompletionStore(request: RequestFn) {
  const curveListeners = new Set<(e: CurveEvent) => void>();
  const curve = (e: CurveEvent) => curveListeners.forEach((l) => l(e));
  const cancels: Partial<Record<Method | 'gap', () => void>> = {};
  let runs = 0;
  const latest: Record<Method, number> = { amortized: 0, optimize: 0 };

  const store: StoreApi<CompletionState> = createStore<CompletionState>()((set, get) => {
    const patch = (m: Method, p: Partial<RunState>) => set({ [m]: { ...get()[m], ...p } } as Partial<CompletionState>);
    const failed = (err: unknown) => {
      const cancelled = (err as { cancelled?: boolean }).cancelled === true;
      return { status: (cancelled ? 'cancelled' : 'failed') as RunStatus, message: cancelled ? 'Cancelled.' : plainError(err) };
    };

    const start = (method: Method, pixels: Float32Array, mask: Uint8Array, seed: number, settings: Record<string, number>) => {
      const s = get();
      const steps = settings.steps;
      // Events of a replaced run may still arrive before the worker sees its cancel: drop them.
      const token = ++latest[method];
      const live = () => latest[method] === token;
      patch(method, { ...IDLE, status: 'running', total: method === 'optimize' ? steps : 1 });
      if (method === 'optimize') curve({ type: 'reset', steps });
      const abort = new AbortController();
      const result = request(
        'analyze',
        { kind: 'complete', pixels: pixels.slice(), mask: mask.slice(), method, fill: s.fill, init: s.init, steps, learningRate: settings.learningRate, mcSamples: settings.mcSamples, samples: settings.samples, seed },
        {
          signal: abort.signal,
          onProgress: (_label, done, total) => live() && patch(method, { done, total }),
          onPartial: (p) => {
            if (!live()) return;
            curve({ type: 'points', from: p.step - p.elbo.length, elbo: p.elbo });
            patch(method, { image: p.completion });
          },
        },
      );
      cancels[method] = () => abort.abort();
      result.then(
        (r) => {
          if (!live()) return;
          patch(method, { status: 'done', image: r.completion, result: r, done: get()[method].total });
          if (method === 'amortized') curve({ type: 'reference', elbo: r.elbo });
        },
        (err: unknown) => live() && patch(method, failed(err)),
      );
    };

    const cancelRuns = () => {
      for (const m of ['amortized', 'optimize'] as const) {
        if (get()[m].status === 'running') cancels[m]?.();
      }
    };

    return {
      text: DEFAULT_TEXT,
      fill: 'zeros',
      init: 'random',
      auto: true,
      amortized: IDLE,
      optimize: IDLE,
      gap: { status: 'idle', message: null, done: 0, total: 0, result: null },
      actions: {
        set: (p) => set(p),
        run(pixels, mask) {
          cancelRuns();
          const { values, errors } = parseSettings(get().text);
          const bad = Object.values(errors)[0];
          if (bad) {
            patch('optimize', { ...IDLE, status: 'failed', message: bad });
            return;
          }
          const seed = ++runs;
          start('amortized', pixels, mask, seed, values as Record<string, number>);
          start('optimize', pixels, mask, seed, values as Record<string, number>);
        },
        cancel: cancelRuns,
        measureGap() {
          cancels.gap?.();
          const s = get();
          const { values, errors } = parseSettings(s.text);
          const bad = errors.steps ?? errors.learningRate ?? errors.mcSamples;
          if (bad) return set({ gap: { status: 'failed', message: bad, done: 0, total: 0, result: null } });
          set({ gap: { status: 'running', message: null, done: 0, total: values.steps!, result: null } });
          const abort = new AbortController();
          const cancel = () => abort.abort();
          cancels.gap = cancel;
          request(
            'analyze',
            { kind: 'amortizationGap', count: GAP_IMAGES, seed: ++runs, init: s.init, steps: values.steps!, learningRate: values.learningRate!, mcSamples: values.mcSamples! },
            { signal: abort.signal, onProgress: (_l, done, total) => set({ gap: { ...get().gap, done, total } }) },
          ).then(
            (result) => cancels.gap === cancel && set({ gap: { ...get().gap, status: 'done', result } }),
            (err: unknown) => cancels.gap === cancel && set({ gap: { ...get().gap, ...failed(err) } }),
          );
        },
        cancelGap: () => cancels.gap?.(),
      },
    };
  });

  const onCurve = (l: (e: CurveEvent) => void) => {
    curveListeners.add(l);
    return () => void curveListeners.delete(l);
  };
  return { store, onCurve };
}
