import { drawAxes, type AxesStyle } from '../../ui/chart/axes';
import type { Frame } from '../../ui/chart/frame';
import { discMask, rgb, stampDiscs } from './raster';
import { LABEL_COLORS, POINT_ALPHA } from './scatterSpec';

export interface ScatterStyle extends AxesStyle {
  /** Marker diameter, CSS pixels. */
  size: number;
}

/** What one draw shows: pixel positions of every point (NaN: off the plot) and each class's points. */
export interface Projected {
  px: Float32Array;
  py: Float32Array;
  groups: readonly Int32Array[];
  hidden: (label: number) => boolean;
}

const masks = new Map<number, ReturnType<typeof discMask>>();
const colors = LABEL_COLORS.map(rgb);

/**
 * The points, drawn pixel by pixel into an image the size of the plotting area (at device
 * resolution), which then goes onto the canvas in one drawImage over the grid.
 */
export class PointLayer {
  private canvas: HTMLCanvasElement | null = null;
  private image: ImageData | null = null;

  paint(ctx: CanvasRenderingContext2D, f: Frame, p: Projected, size: number): void {
    const dpr = ctx.getTransform().a || 1;
    const w = Math.max(1, Math.round(f.width * dpr));
    const h = Math.max(1, Math.round(f.height * dpr));
    this.canvas ??= document.createElement('canvas');
    const layer = this.canvas.getContext('2d');
    if (!layer) return;
    if (!this.image || this.image.width !== w || this.image.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.image = layer.createImageData(w, h);
    } else this.image.data.fill(0);
    const diameter = Math.round(size * dpr);
    let mask = masks.get(diameter);
    if (!mask) masks.set(diameter, (mask = discMask(diameter)));
    const at = { left: f.left, top: f.top, scale: dpr };
    p.groups.forEach((ids, label) => {
      if (!p.hidden(label) && ids.length) stampDiscs(this.image!, p.px, p.py, ids, colors[label], POINT_ALPHA, mask, at);
    });
    layer.putImageData(this.image, 0, 0);
    ctx.drawImage(this.canvas, f.left, f.top, w / dpr, h / dpr);
  }
}

/** Axes, then the points of every shown class in the order of the legend, inside the plotting area. */
export function paintScatter(ctx: CanvasRenderingContext2D, f: Frame, p: Projected, style: ScatterStyle, layer: PointLayer): void {
  drawAxes(ctx, f, style);
  layer.paint(ctx, f, p, style.size);
}

/**
 * Pixel positions of interleaved (u, v) points in frame `f`; points far outside it (zoomed away)
 * get NaN, so neither drawing nor hit-testing considers them.
 */
export function project(f: Frame, points: Float32Array, count: number, px: Float32Array, py: Float32Array): void {
  const sx = f.width / (f.x[1] - f.x[0] || 1);
  const sy = f.height / (f.y[1] - f.y[0] || 1);
  const margin = 8;
  for (let i = 0; i < count; i++) {
    const x = f.left + (points[2 * i] - f.x[0]) * sx;
    const y = f.top + f.height - (points[2 * i + 1] - f.y[0]) * sy;
    const off = x < f.left - margin || x > f.left + f.width + margin || y < f.top - margin || y > f.top + f.height + margin;
    px[i] = off ? NaN : x;
    py[i] = off ? NaN : y;
  }
}
