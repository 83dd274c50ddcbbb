import { useRef, useState } from 'react';
import { plainError } from '../../plainError';
import { timelineStore } from '../../store/stores';
import { ProgressBar } from '../../ui/ProgressBar';
import { saveBlob } from '../../ui/saveFile';
import { recordTimeline, webmType } from './video';

/** "Save video": films the runs' animation as WebM, with its progress, then downloads it. */
export function VideoButton({ runIds, names = [] }: { runIds: string[]; names?: string[] }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  if (!webmType()) return null;
  const start = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setProgress({ done: 0, total: 1 });
    try {
      const blob = await recordTimeline(timelineStore.getState(), runIds, names, (done, total) => setProgress({ done, total }), ctl.signal);
      saveBlob(blob, 'vae-timeline.webm');
    } catch (err) {
      if (!ctl.signal.aborted) setError(plainError(err));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  return (
    <span className="video-button">
      {progress ? (
        <>
          <ProgressBar value={progress.done} max={progress.total} label="Recording video" />
          <button type="button" className="btn btn-small" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-small" data-testid="timeline-video" onClick={() => void start()}>
          Save video
        </button>
      )}
      {error ? (
        <span role="alert" className="explore-message">
          {error}
        </span>
      ) : null}
    </span>
  );
}
