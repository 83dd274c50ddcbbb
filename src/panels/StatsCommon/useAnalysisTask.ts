import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisKind, AnalysisPartialOf, AnalysisRequestOf, AnalysisResultOf } from '../../protocol';
import { isCancelled, request, RequestError } from '../../store/trainer';
import { plainError } from '../../plainError';

export interface TaskProgress {
  label: string;
  done: number;
  total: number;
}

/** Runs one analysis in the worker, reporting progress and cancellable through the task. */
export type Analyze = <K extends AnalysisKind>(request: AnalysisRequestOf<K>, onPartial?: (p: AnalysisPartialOf<K>) => void) => Promise<AnalysisResultOf<K>>;

/**
 * A button's worth of worker analyses: `start` runs a task (one or several analyses in turn) with
 * progress, `cancel` stops the one in flight, and an error ends up in `error` rather than thrown.
 * Leaving the page cancels what is running.
 */
export function useAnalysisTask() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const cancelledRef = useRef(false);

  useEffect(() => () => cancelRef.current?.(), []);

  const analyze: Analyze = useCallback((payload, onPartial) => {
    if (cancelledRef.current) return Promise.reject(new RequestError('Cancelled.', true));
    const abort = new AbortController();
    cancelRef.current = () => abort.abort();
    return request('analyze', payload, { signal: abort.signal, onProgress: (label, done, total) => setProgress({ label, done, total }), onPartial });
  }, []);

  const start = useCallback(
    async (task: (analyze: Analyze) => Promise<void>) => {
      setBusy(true);
      setError(null);
      setProgress(null);
      cancelledRef.current = false;
      try {
        await task(analyze);
      } catch (err) {
        if (isCancelled(err)) setError('Cancelled.');
        else setError(plainError(err));
      } finally {
        cancelRef.current = null;
        setBusy(false);
        setProgress(null);
      }
    },
    [analyze],
  );

  const cancel = useCallback(() => {
    cancelledRef.current = true;
    cancelRef.current?.();
  }, []);

  return { busy, progress, error, start, cancel };
}
