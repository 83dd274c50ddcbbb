import { trainerClient } from '../client/instance';
import type { RequestFn, TrainerListener } from '../client/port';
import type { ImageGridPayload, TrainerEvent } from '../protocol';

export { isCancelled, RequestError, type RequestFn, type RequestOptions } from '../client/port';

/**
 * The panels' way to the worker besides store actions: `request()` for an analysis (AbortSignal,
 * progress, partial results) and read-only event feeds for canvases drawn outside React. Panels
 * import this, never src/client/.
 */
export const request = ((...args: unknown[]) => (trainerClient.request as (...a: unknown[]) => unknown)(...args)) as RequestFn;

/** Every event from the worker, for a chart or canvas fed outside React state. */
export function onTrainerEvent(listener: TrainerListener): () => void {
  return trainerClient.subscribe(listener);
}

/** True for the status the trainer sends after a reset: everything drawn so far is stale. */
export function isFreshRun(e: TrainerEvent): boolean {
  return e.type === 'status' && e.state === 'idle' && e.step === 0;
}

/**
 * Calls `draw` with each image grid of one kind and the step it was drawn at, and with null when
 * a reset makes the last one stale. For canvases that draw straight from events, never through
 * React state. `subscribe`: another trainer's events (a race lane's feed) instead of the Train view's.
 */
export function subscribeImages(
  kind: 'reconstructions' | 'samples',
  draw: (grid: ImageGridPayload | null, step: number | null) => void,
  subscribe: (l: TrainerListener) => () => void = onTrainerEvent,
): () => void {
  return subscribe((e) => {
    if (e.type === 'images' && e.kind === kind) draw(e.grid, e.step);
    else if (isFreshRun(e)) draw(null, null);
  });
}
