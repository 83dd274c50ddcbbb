import { useCallback, useEffect, useRef, useState } from 'react';
import { AnalysisError } from '../../client/TrainerClient';
import { trainerClient } from '../../client/instance';
import type { AnalysisKind, AnalysisPartialOf, AnalysisRequestOf, AnalysisResultOf } from '../../protocol';
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

  const analyze: Analyze = useCallback((request, onPartial) => {
    if (cancelledRef.current) return Promise.reject(new AnalysisError('Cancelled.', true));
    const call = trainerClient.analyze(request, (label, done, total) => setProgress({ label, done, total }), onPartial);
    cancelRef.current = call.cancel;
    return call.result;
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
        if (err instanceof AnalysisError && err.cancelled) setError('Cancelled.');
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
