import type { LossTerms } from '../protocol';
import type { TrainingSession } from './session';

/**
 * The test-split terms of the current weights, averaged over every test image, chunk by chunk:
 * after each chunk `progress` reports and `pause` lets queued commands run. Null when the session
 * was replaced meanwhile (`current` turned false), so a reset run is not scored.
 */
export async function evaluateTest(
  s: TrainingSession,
  progress: (done: number, total: number) => void,
  pause: () => Promise<void>,
  current: () => boolean,
): Promise<Required<LossTerms> | null> {
  const sum = { nelbo: 0, recon: 0, kl: 0, loss: 0 };
  let count = 0;
  for (let c = 0; c < s.evalChunks; c++) {
    const { terms, count: n } = await s.evalChunk(c);
    sum.nelbo += terms.nelbo * n;
    sum.recon += terms.recon * n;
    sum.kl += terms.kl * n;
    sum.loss += (terms.loss ?? terms.nelbo) * n;
    count += n;
    progress(c + 1, s.evalChunks);
    await pause();
    if (!current()) return null;
  }
  return { nelbo: sum.nelbo / count, recon: sum.recon / count, kl: sum.kl / count, loss: sum.loss / count };
}
