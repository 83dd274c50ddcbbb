import type { Snapshot } from '../../protocol';
import { snapshotAt, timelineSteps, type TimelineState } from '../../store/timeline';
import { COLUMN_W, drawFrame, FRAME_H } from './frame';

/** Each moment's time in the video. */
const FRAME_MS = 500;

/** The WebM codec this browser records, or null when it records none. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records the runs' timeline, step 0 to the last snapshot, as a WebM video: each moment drawn on a
 * canvas (drawFrame) that a MediaRecorder films. Takes about FRAME_MS a moment, in real time.
 */
export async function recordTimeline(
  state: Pick<TimelineState, 'runs'>,
  runIds: string[],
  names: string[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error('This browser cannot record WebM video (no MediaRecorder for video/webm).');
  const steps = timelineSteps(state, runIds);
  if (steps.length === 0) throw new Error('This run has no snapshots to film yet: train a few steps first.');
  const canvas = document.createElement('canvas');
  canvas.width = COLUMN_W * runIds.length;
  canvas.height = FRAME_H;
  const ctx = canvas.getContext('2d')!;
  const frameAt = (step: number): (Snapshot | null)[] => runIds.map((id) => snapshotAt(state.runs[id], step));
  drawFrame(ctx, frameAt(steps[0]), names);
  const stream = canvas.captureStream(30);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 2_500_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  recorder.start(250);
  try {
    for (const [i, step] of steps.entries()) {
      if (signal?.aborted) throw new DOMException('Recording cancelled', 'AbortError');
      drawFrame(ctx, frameAt(step), names);
      onProgress(i, steps.length);
      await wait(FRAME_MS);
    }
    onProgress(steps.length, steps.length);
  } finally {
    recorder.stop();
    await stopped;
    for (const t of stream.getTracks()) t.stop();
  }
  return new Blob(chunks, { type: 'video/webm' });
}
