import type { ImageGridPayload } from '../protocol';

export interface GridImage {
  width: number;
  height: number;
  /** RGBA, ready for an ImageData. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** Grey between tiles, so neighbouring digits (black backgrounds) read as separate images. */
const GAP_RGB = [72, 78, 92] as const;

/**
 * Lays out `count` images of height×width×channels, stored one after another, in `cols` columns
 * with a `gap`-pixel gutter. Pure, so the layout is tested without a canvas.
 */
export function gridImage(g: ImageGridPayload, gap = 1): GridImage {
  const cols = Math.max(1, Math.min(g.cols, g.count));
  const rows = Math.max(1, Math.ceil(g.count / cols));
  const width = cols * g.width + (cols - 1) * gap;
  const height = rows * g.height + (rows - 1) * gap;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[p * 4] = GAP_RGB[0];
    rgba[p * 4 + 1] = GAP_RGB[1];
    rgba[p * 4 + 2] = GAP_RGB[2];
    rgba[p * 4 + 3] = 255;
  }
  const per = g.width * g.height * g.channels;
  const count = Math.min(g.count, Math.floor(g.pixels.length / per));
  for (let i = 0; i < count; i++) {
    const x0 = (i % cols) * (g.width + gap);
    const y0 = Math.floor(i / cols) * (g.height + gap);
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        const src = i * per + (y * g.width + x) * g.channels;
        const dst = ((y0 + y) * width + x0 + x) * 4;
        const r = g.pixels[src];
        rgba[dst] = r;
        rgba[dst + 1] = g.channels === 3 ? g.pixels[src + 1] : r;
        rgba[dst + 2] = g.channels === 3 ? g.pixels[src + 2] : r;
      }
    }
  }
  return { width, height, rgba };
}
