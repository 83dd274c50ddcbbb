/** Payload types several messages share (kept apart so the protocol's files import no circle). */
import type { BackendName } from '../config/experiment';

export type TrainerState = 'idle' | 'loading' | 'training' | 'paused' | 'stopped';

export interface LossTerms {
  /** Negative ELBO, nats per image. */
  nelbo: number;
  /** Expected negative log-likelihood −E_q[log p(x|z)], nats per image. */
  recon: number;
  /** KL(q(z|x) ‖ p(z)), nats per image. */
  kl: number;
  /** What the optimiser minimises (recon + β·KL, recon + λ·MMD², or recon); equals nelbo for the plain ELBO. */
  loss?: number;
}

export interface BackendProbe {
  name: BackendName;
  /** Images per second in the probe, or null when the backend was skipped or failed. */
  imagesPerSec: number | null;
  note: string;
}

export type ProgressTask = 'dataset' | 'backend' | 'evaluation';

/** A grid of images, row-major, values 0..255, transferred (not copied) across threads. */
export interface ImageGridPayload {
  count: number;
  cols: number;
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8ClampedArray;
}
