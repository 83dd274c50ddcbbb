import type { ImageGridPayload, TrainerEvent } from '../protocol';
import { trainerClient } from './instance';

/** True for the status the trainer sends after a reset: everything drawn so far is stale. */
export function isFreshRun(e: TrainerEvent): boolean {
  return e.type === 'status' && e.state === 'idle' && e.step === 0;
}

/**
 * Calls `draw` with each image grid of one kind, and with null when a reset makes the last one
 * stale. For canvases that draw straight from events, never through React state.
 */
export function subscribeImages(kind: 'reconstructions' | 'samples', draw: (grid: ImageGridPayload | null) => void): () => void {
  return trainerClient.subscribe((e) => {
    if (e.type === 'images' && e.kind === kind) draw(e.grid);
    else if (isFreshRun(e)) draw(null);
  });
}
