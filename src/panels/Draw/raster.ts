/** A point in model pixels: (0, 0) is the top-left corner of the image, (28, 28) the bottom-right. */
export interface Pt {
  x: number;
  y: number;
}

export type BrushMode = 'ink' | 'erase';

/** A greyscale raster, row-major, values in [0, 1]. */
export interface Raster {
  width: number;
  height: number;
  data: Float32Array;
}

export function raster(width: number, height: number): Raster {
  return { width, height, data: new Float32Array(width * height) };
}

/** Distance from p to the segment ab. */
export function segmentDistance(px: number, py: number, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/**
 * Paints the round-capped segment ab of radius r (all in the raster's pixels) with an
 * anti-aliased edge: a pixel centre at distance d gets coverage clamp(r + ½ − d, 0, 1), so the
 * edge ramps over one pixel. Ink keeps the larger of old value and coverage (overlapping
 * segments of one stroke do not darken twice); erase lowers a pixel to at most 1 − coverage.
 */
export function stampSegment(img: Raster, a: Pt, b: Pt, r: number, mode: BrushMode): void {
  const reach = r + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const x1 = Math.min(img.width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const y1 = Math.min(img.height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const c = Math.min(1, Math.max(0, r + 0.5 - segmentDistance(x + 0.5, y + 0.5, a, b)));
      if (c <= 0) continue;
      const i = y * img.width + x;
      img.data[i] = mode === 'ink' ? Math.max(img.data[i], c) : Math.min(img.data[i], 1 - c);
    }
  }
}

/** Scales a point from model pixels to a raster `scale` times finer. */
export function scalePt(p: Pt, scale: number): Pt {
  return { x: p.x * scale, y: p.y * scale };
}
