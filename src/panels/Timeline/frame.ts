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
 * Draws one moment of some runs side by side (title, the figures, reconstructions, samples,
 * latent codes): a frame of the saved video. `names` label the columns.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, snaps: (Snapshot | null)[], names: string[]): void {
  ctx.fillStyle = '#0b1020';
  ctx.fillRect(0, 0, COLUMN_W * snaps.length, FRAME_H);
  const size = Math.min((COLUMN_W - 4 * PAD) / 3, FRAME_H - HEAD - PAD);
  snaps.forEach((s, i) => {
    const x = i * COLUMN_W;
    ctx.fillStyle = '#e5e7eb';
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.fillText(`${names[i] ?? ''}${s ? `  ${momentLabel(s.step, s.epoch)}` : ''}`, x + PAD, 18);
    if (!s) return;
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillText(`test nELBO ${s.terms.nelbo.toFixed(1)} · recon ${s.terms.recon.toFixed(1)} · KL ${s.terms.kl.toFixed(1)} nats`, x + PAD, 36);
    drawGrid(ctx, s.reconstructions, x + PAD, HEAD, size);
    drawGrid(ctx, s.samples, x + 2 * PAD + size, HEAD, size);
    drawCodes(ctx, s, x + 3 * PAD + 2 * size, HEAD, size);
  });
}
