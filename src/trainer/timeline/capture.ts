import * as tf from '../tf';
import type { LatentPlane, Snapshot, SnapshotCodes } from '../../protocol';
import { manifoldLatents } from '../analysis/explore/normal';
import { pca, project } from '../analysis/explore/pca';
import { decodeImages, toGrid } from '../analysis/explore/common';
import { latentShares } from '../analysis/explore/latentScatter';
import type { TrainingSession } from '../session';
import { snapshotBytes } from './budget';

/** Test images whose codes a snapshot keeps: the first ones, the same at every moment. */
export const SNAPSHOT_CODES = 500;
/** The manifold kept per snapshot (d = 2): size × size decoded images. */
export const SNAPSHOT_MANIFOLD = 10;

/** Codes of the first test images on the latent plane (d = 2) or their principal plane, oriented as `previous` was. */
async function codes(session: TrainingSession, previous: LatentPlane | null): Promise<SnapshotCodes> {
  const count = Math.min(SNAPSHOT_CODES, session.data.test.count);
  const d = session.model.latentDim;
  const out = tf.tidy(() => session.model.encode(session.images('test', 0, count)).mu);
  let mu: Float32Array;
  try {
    mu = (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
  const labels = session.data.test.labels.slice(0, count);
  if (d === 2) {
    const plane = { axes: 'latent' as const, mean: new Float32Array(2), components: Float32Array.of(1, 0, 0, 1), explained: latentShares(mu, count, d) };
    return { points: Float32Array.from(mu), labels, count, dim: d, plane };
  }
  const p = pca(mu, count, d, 2, previous?.axes === 'pca' ? previous.components : null);
  const plane: LatentPlane = { axes: 'pca', mean: Float32Array.from(p.mean), components: Float32Array.from(p.components), explained: Float32Array.from(p.explained) };
  return { points: project(mu, count, d, p, 2), labels, count, dim: d, plane };
}

async function manifold(session: TrainingSession) {
  if (session.model.latentDim !== 2) return null;
  const { latents } = manifoldLatents(SNAPSHOT_MANIFOLD);
  const images = tf.tidy(() => decodeImages(session, tf.tensor2d(latents, [SNAPSHOT_MANIFOLD ** 2, 2]), 'mean', 0));
  return toGrid(images, session.data.shape, SNAPSHOT_MANIFOLD);
}

/**
 * One moment of the run, from the grids and analyses the live panels already use: the Train
 * view's two grids, the fixed test subset's loss terms and codes, the manifold when d = 2.
 * About a thousand images through the model: a few training steps' worth.
 */
export async function takeSnapshot(session: TrainingSession, runId: string, reason: Snapshot['reason'], previous: LatentPlane | null): Promise<Snapshot> {
  const step = session.step;
  const epoch = session.epoch;
  const reconstructions = await session.reconstructions();
  const samples = await session.samples();
  const { terms } = await session.evalChunk(0);
  const snap = { runId, step, epoch, reason, terms, reconstructions, samples, codes: await codes(session, previous), manifold: await manifold(session) };
  return { ...snap, bytes: snapshotBytes(snap) };
}
