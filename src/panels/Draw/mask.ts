import type { Raster } from './raster';

/** Which pixels the model is told: the rest it must fill in. */
export type Region = 'left' | 'right' | 'top' | 'bottom' | 'rect' | 'painted' | 'all';

export const REGIONS: readonly { value: Region; label: string }[] = [
  { value: 'left', label: 'Left half observed' },
  { value: 'right', label: 'Right half observed' },
  { value: 'top', label: 'Top half observed' },
  { value: 'bottom', label: 'Bottom half observed' },
  { value: 'rect', label: 'Rectangle observed' },
  { value: 'painted', label: 'Painted mask' },
  { value: 'all', label: 'Everything observed' },
];

/** A rectangle of whole pixels, columns x0..x1 and rows y0..y1 inclusive. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The observed pixels (1) of a width×height image for a region; `rect` is used by 'rect' and
 * `painted` (a raster of the same size, observed where ≥ ½) by 'painted'.
 */
export function regionMask(region: Region, width: number, height: number, rect?: PixelRect, painted?: Raster): Uint8Array {
  const m = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      m[y * width + x] = observedAt(region, x, y, width, height, rect, painted) ? 1 : 0;
    }
  }
  return m;
}

function observedAt(region: Region, x: number, y: number, w: number, h: number, rect?: PixelRect, painted?: Raster): boolean {
  switch (region) {
    case 'left':
      return x < w / 2;
    case 'right':
      return x >= w / 2;
    case 'top':
      return y < h / 2;
    case 'bottom':
      return y >= h / 2;
    case 'rect':
      return !!rect && x >= rect.x0 && x <= rect.x1 && y >= rect.y0 && y <= rect.y1;
    case 'painted':
      return !!painted && painted.data[y * painted.width + x] >= 0.5;
    case 'all':
      return true;
  }
}

const RECT_LABELS: Record<keyof PixelRect, string> = { x0: 'First column', x1: 'Last column', y0: 'First row', y1: 'Last row' };

/** The rectangle if its corners are pixels of the image and in order, else the field at fault and why. */
export function checkRect(r: PixelRect, width: number, height: number): { ok: true; rect: PixelRect } | { ok: false; field: keyof PixelRect; message: string } {
  for (const [k, v, max] of [['x0', r.x0, width - 1], ['x1', r.x1, width - 1], ['y0', r.y0, height - 1], ['y1', r.y1, height - 1]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > max) return { ok: false, field: k, message: `${RECT_LABELS[k]} must be a whole number from 0 to ${max}.` };
  }
  if (r.x0 > r.x1) return { ok: false, field: 'x1', message: 'Last column must not be left of the first column.' };
  if (r.y0 > r.y1) return { ok: false, field: 'y1', message: 'Last row must not be above the first row.' };
  return { ok: true, rect: r };
}
