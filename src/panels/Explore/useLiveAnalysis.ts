import { useEffect, useRef, useState, type RefObject } from 'react';
import type { AnalysisKind, AnalysisRequestOf, AnalysisResultOf } from '../../protocol';
import { mainFeed, type TrainerFeed } from '../../store/feeds';
import { isCancelled } from '../../store/trainer';
import { LiveRefresher } from './LiveRefresher';
import { modelStep, watchModel } from './modelWatch';
import { plainError } from '../../plainError';

export interface LiveStatus {
  busy: boolean;
  progress: { label: string; done: number; total: number } | null;
  /** The worker's message when the last run failed (e.g. a setting this model cannot use). */
  error: string | null;
  /** The model's step when the shown result was computed; null before the first one. */
  step: number | null;
}

export interface LiveOptions<K extends AnalysisKind> {
  /** The request for the current settings, or null when there is nothing to ask (e.g. no picks). */
  build(): AnalysisRequestOf<K> | null;
  onResult(result: AnalysisResultOf<K>): void;
  /** The model was replaced: drop what is shown. */
  onClear(): void;
  /** Least time between refreshes while training, ms. */
  intervalMs?: number;
  /** false: computed once per model and on setting changes, not on every training step. */
  live?: boolean;
  /** Settings: a change recomputes at once. */
  deps: readonly unknown[];
  /** The trainer whose model is analysed: the Train view's unless a race lane says otherwise. Fixed per mount. */
  feed?: TrainerFeed;
}

export interface LiveAnalysis {
  sectionRef: RefObject<HTMLElement | null>;
  frozen: boolean;
  setFrozen(frozen: boolean): void;
  status: LiveStatus;
}

const IDLE: LiveStatus = { busy: false, progress: null, error: null, step: null };
/** Progress shows only for runs slower than this, so quick refreshes do not flicker. */
const SHOW_PROGRESS_AFTER_MS = 400;

interface Control {
  refresher: LiveRefresher;
  cancel: (() => void) | null;
  /** Bumped when the model is replaced: answers about the old one are dropped. */
  generation: number;
  /** The generation whose result is on screen, or -1. */
  shown: number;
  visible: boolean;
  frozen: boolean;
}

/**
 * Runs one analysis for a panel and keeps it fresh while the model trains: throttled, one request
 * in flight, only while the panel is on screen and not frozen; freezing cancels the running one.
 */
export function useLiveAnalysis<K extends AnalysisKind>(opts: LiveOptions<K>): LiveAnalysis {
  const sectionRef = useRef<HTMLElement | null>(null);
  const [frozen, setFrozen] = useState(false);
  const [status, setStatus] = useState<LiveStatus>(IDLE);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const ctl = useRef<Control | null>(null);

  useEffect(() => {
    const feed = optsRef.current.feed ?? mainFeed;
    const c: Control = { refresher: null as unknown as LiveRefresher, cancel: null, generation: 0, shown: -1, visible: false, frozen: false };
    const sync = () => c.refresher.setActive(c.visible && !c.frozen && modelStep(feed.training) > 0);
    c.refresher = new LiveRefresher(async () => {
      const req = optsRef.current.build();
      if (!req) return;
      const generation = c.generation;
      const step = modelStep(feed.training);
      const started = performance.now();
      setStatus((s) => (s.busy ? s : { ...s, busy: true }));
      const abort = new AbortController();
      c.cancel = () => abort.abort();
      try {
        const result = await feed.request('analyze', req, {
          signal: abort.signal,
          onProgress: (label, done, total) => {
            if (performance.now() - started > SHOW_PROGRESS_AFTER_MS) setStatus((s) => ({ ...s, progress: { label, done, total } }));
          },
        });
        if (generation !== c.generation) return;
        c.shown = generation;
        optsRef.current.onResult(result);
        setStatus({ busy: false, progress: null, error: null, step });
      } catch (err) {
        if (generation !== c.generation) return;
        const cancelled = isCancelled(err);
        setStatus((s) => ({ ...s, busy: false, progress: null, error: cancelled ? s.error : plainError(err) }));
      } finally {
        c.cancel = null;
      }
    }, opts.intervalMs ?? 2000);
    ctl.current = c;

    const offModel = watchModel((change) => {
      if (change === 'fresh') {
        c.generation++;
        c.cancel?.();
        optsRef.current.onClear();
        setStatus(IDLE);
      }
      if (change === 'trained' && (optsRef.current.live !== false || c.shown !== c.generation)) c.refresher.request();
      sync();
    }, feed.training);
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            c.visible = entries[entries.length - 1].isIntersecting;
            sync();
          });
    if (observer && sectionRef.current) observer.observe(sectionRef.current);
    else c.visible = true;
    c.refresher.request(true);
    sync();
    return () => {
      offModel();
      observer?.disconnect();
      c.refresher.dispose();
      c.cancel?.();
      ctl.current = null;
    };
  }, [opts.intervalMs]);

  // A changed setting recomputes at once (skipped on mount, which already asked).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    ctl.current?.refresher.request(true);
  }, opts.deps);

  useEffect(() => {
    const c = ctl.current;
    if (!c) return;
    const thawed = c.frozen && !frozen;
    c.frozen = frozen;
    if (frozen) c.cancel?.();
    if (thawed) c.refresher.request(true);
    c.refresher.setActive(c.visible && !c.frozen && modelStep((optsRef.current.feed ?? mainFeed).training) > 0);
  }, [frozen]);

  return { sectionRef, frozen, setFrozen, status };
}
