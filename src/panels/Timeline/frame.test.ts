import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol';
import { COLUMN_W, FRAME_H, frameTiles } from './frame';

const grid = { count: 4, cols: 2, width: 28, height: 28, channels: 1 as const, pixels: new Uint8ClampedArray(4 * 28 * 28) };
const snap = (dim: number): Snapshot => ({
  runId: 'r',
  step: 100,
  epoch: 0,
  reason: 'schedule',
  terms: { nelbo: 200, recon: 180, kl: 20 },
  reconstructions: grid,
  samples: grid,
  manifold: dim === 2 ? { ...grid, count: 100, cols: 10 } : null,
  codes: {
    points: new Float32Array(2),
    labels: new Uint8Array(1),
    count: 1,
    dim,
    plane: { axes: dim === 2 ? 'latent' : 'pca', mean: new Float32Array(dim), components: new Float32Array(2 * dim), explained: new Float32Array(2) },
  },
  bytes: 100,
});

/** Every tile inside its column and the frame, none overlapping the next. */
function expectLaidOut(tiles: ReturnType<typeof frameTiles>, x0: number): void {
  for (const [i, t] of tiles.entries()) {
    expect(t.size).toBeGreaterThan(100);
    expect(t.x).toBeGreaterThanOrEqual(x0);
    expect(t.x + t.size).toBeLessThanOrEqual(x0 + COLUMN_W);
    // Its caption (14 px under it) stays in the frame too.
    expect(t.y + t.size + 14).toBeLessThanOrEqual(FRAME_H);
    if (i > 0) expect(t.x).toBeGreaterThanOrEqual(tiles[i - 1].x + tiles[i - 1].size);
  }
}

describe('frameTiles (the video frame of a snapshot)', () => {
  it('includes the manifold when the snapshot has one (d = 2)', () => {
    const tiles = frameTiles(snap(2));
    expect(tiles.map((t) => t.kind)).toEqual(['reconstructions', 'samples', 'codes', 'manifold']);
    expect(tiles.map((t) => t.caption)).toEqual(['reconstructions', 'prior samples', 'latent codes', 'manifold']);
    expectLaidOut(tiles, 0);
  });

  it('leaves it out when there is none (d > 2), and names the principal plane', () => {
    const tiles = frameTiles(snap(20));
    expect(tiles.map((t) => t.kind)).toEqual(['reconstructions', 'samples', 'codes']);
    expect(tiles[2].caption).toBe('latent codes (PCA)');
    expectLaidOut(tiles, 0);
  });

  it("places a race's second column beside the first, each by its own snapshot", () => {
    const right = frameTiles(snap(2), COLUMN_W);
    expectLaidOut(right, COLUMN_W);
    expect(right.map((t) => t.x - COLUMN_W)).toEqual(frameTiles(snap(2)).map((t) => t.x));
    expect(frameTiles(snap(20), COLUMN_W)).toHaveLength(3);
  });
});
