import { axesMargins } from '../../ui/chart/axes';
import { fitCanvas, xToPx, yToPx, type Frame } from '../../ui/chart/frame';
import { nextRange, extent, type Range } from '../LatentScatter/range';
import { paintScatter, project, PointLayer } from '../LatentScatter/scatterPaint';
import { axisTitle, groupByLabel } from '../LatentScatter/scatterSpec';
import type { Scatter } from './codeTracker';

export interface PlaneColors {
  text: string;
  grid: string;
  /** The marker's fill and its ring (the ring keeps it visible over points of any colour). */
  marker: string;
  ring: string;
}

const FONT = 11;
const MARKER_R = 7;

/**
 * The test codes as the Explore scatter draws them (same colours, same raster), then the drawing's
 * code as a ringed cross on top. The ranges hold every point and the marker, and stay put while
 * they still do (so the picture does not jump with each stroke). Returns the marker's pixel spot.
 */
export class PlanePainter {
  private readonly layer = new PointLayer();
  private ranges: { x: Range; y: Range } | null = null;

  paint(canvas: HTMLCanvasElement, width: number, height: number, scatter: Scatter, point: Float32Array | null, colors: PlaneColors): { x: number; y: number } | null {
    const ctx = fitCanvas(canvas, width, height);
    if (!ctx) return null;
    const m = axesMargins(FONT);
    const ext = (axis: 0 | 1): Range => {
      const [lo, hi] = extent(scatter.points, scatter.count, axis, 2);
      return point ? [Math.min(lo, point[axis]), Math.max(hi, point[axis])] : [lo, hi];
    };
    this.ranges = { x: nextRange(this.ranges?.x ?? null, ext(0)), y: nextRange(this.ranges?.y ?? null, ext(1)) };
    const f: Frame = { left: m.left, top: m.top, width: Math.max(10, width - m.left - m.right), height: Math.max(10, height - m.top - m.bottom), ...this.ranges };
    const px = new Float32Array(scatter.count);
    const py = new Float32Array(scatter.count);
    project(f, scatter.points, scatter.count, px, py);
    const style = {
      font: { family: 'system-ui, sans-serif', size: FONT, color: colors.text },
      grid: colors.grid,
      xTitle: axisTitle(scatter.plane, 0, width < 200),
      yTitle: axisTitle(scatter.plane, 1, height < 200),
      size: 4,
    };
    paintScatter(ctx, f, { px, py, groups: groupByLabel(scatter.labels, scatter.count), hidden: () => false }, style, this.layer);
    if (!point) return null;
    const x = xToPx(f, point[0]);
    const y = yToPx(f, point[1]);
    ctx.save();
    ctx.beginPath();
    ctx.arc(x, y, MARKER_R, 0, 2 * Math.PI);
    ctx.fillStyle = colors.marker;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = colors.ring;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x - MARKER_R * 1.8, y);
    ctx.lineTo(x + MARKER_R * 1.8, y);
    ctx.moveTo(x, y - MARKER_R * 1.8);
    ctx.lineTo(x, y + MARKER_R * 1.8);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = colors.marker;
    ctx.stroke();
    ctx.restore();
    return { x, y };
  }

  /** A new model or plane: let the ranges fit afresh. */
  reset(): void {
    this.ranges = null;
  }
}
