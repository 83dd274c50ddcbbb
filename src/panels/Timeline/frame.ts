import type { ImageGridPayload, Snapshot } from '../../protocol';
import { momentLabel } from '../../store/timeline';
import { gridImage } from '../../ui/gridImage';
import { extent } from '../LatentScatter/range';
import { LABEL_COLORS } from '../LatentScatter/scatterSpec';

/** One run's column of a video frame is this wide; a frame is one column per run. */
export const COLUMN_W = 640;
export const FRAME_H = 360;
const HEAD = 44;
const PAD = 8;
/** Room under each picture for its name. */
const CAPTION_H = 18;

/** One picture of a run's column in a frame. */
export interface FrameTile {
  kind: 'reconstructions' | 'samples' | 'codes' | 'manifold';
  caption: string;
  x: number;
  y: number;
  size: number;
}

/**
 * Where a snapshot's pictures go in its column (the column's left edge at `x0`): reconstructions,
 * prior samples, latent codes, and the manifold when the snapshot has one (d = 2), in one row of
 * equal squares with their names under them.
 */
export function frameTiles(s: Snapshot, x0 = 0): FrameTile[] {
  const kinds: Omit<FrameTile, 'x' | 'y' | 'size'>[] = [
    { kind: 'reconstructions', caption: 'reconstructions' },
    { kind: 'samples', caption: 'prior samples' },
    { kind: 'codes', caption: s.codes.plane.axes === 'pca' ? 'latent codes (PCA)' : 'latent codes' },
  ];
  if (s.manifold) kinds.push({ kind: 'manifold', caption: 'manifold' });
  const n = kinds.length;
  const size = Math.floor(Math.min((COLUMN_W - (n + 1) * PAD) / n, FRAME_H - HEAD - PAD - CAPTION_H));
  return kinds.map((k, i) => ({ ...k, x: x0 + PAD + i * (size + PAD), y: HEAD, size }));
}

function drawGrid(ctx: CanvasRenderingContext2D, g: ImageGridPayload, x: number, y: number, size: number): void {
  const img = gridImage(g);
  const tile = new OffscreenCanvas(img.width, img.height);
  tile.getContext('2d')!.putImageData(new ImageData(img.rgba, img.width, img.height), 0, 0);
  const scale = Math.min(size / img.width, size / img.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x, y, img.width * scale, img.height * scale);
}

function drawCodes(ctx: CanvasRenderingContext2D, s: Snapshot, x: number, y: number, size: number): void {
  const { points, labels, count } = s.codes;
  const [x0, x1] = extent(points, count, 0, 2);
  const [y0, y1] = extent(points, count, 1, 2);
  const span = Math.max(x1 - x0, y1 - y0, 1e-6) * 1.1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  ctx.fillStyle = '#111827';
  ctx.fillRect(x, y, size, size);
  for (let i = 0; i < count; i++) {
    ctx.fillStyle = LABEL_COLORS[labels[i] % LABEL_COLORS.length];
    const px = x + ((points[2 * i] - cx) / span + 0.5) * size;
    const py = y + (0.5 - (points[2 * i + 1] - cy) / span) * size;
    ctx.fillRect(px - 1.5, py - 1.5, 3, 3);
  }
}

/**
 * Draws one moment of some runs side by side (title, the figures, then frameTiles' pictures): a
 * frame of the saved video. `names` label the columns.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, snaps: (Snapshot | null)[], names: string[]): void {
  ctx.fillStyle = '#0b1020';
  ctx.fillRect(0, 0, COLUMN_W * snaps.length, FRAME_H);
  snaps.forEach((s, i) => {
    const x = i * COLUMN_W;
    ctx.fillStyle = '#e5e7eb';
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.fillText(`${names[i] ?? ''}${s ? `  ${momentLabel(s.step, s.epoch)}` : ''}`, x + PAD, 18);
    if (!s) return;
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillText(`test nELBO ${s.terms.nelbo.toFixed(1)} · recon ${s.terms.recon.toFixed(1)} · KL ${s.terms.kl.toFixed(1)} nats`, x + PAD, 36);
    for (const t of frameTiles(s, x)) {
      if (t.kind === 'codes') drawCodes(ctx, s, t.x, t.y, t.size);
      else drawGrid(ctx, t.kind === 'manifold' ? s.manifold! : s[t.kind], t.x, t.y, t.size);
      ctx.fillStyle = '#9ca3af';
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillText(t.caption, t.x, t.y + t.size + 14);
    }
  });
}
