import type { Raster } from './raster';

/** The hatching over unknown pixels: amber stripes, so "unknown" never reads as "black ink". */
export const HATCH_RGB = [232, 163, 45] as const;
const STRIPE_ALPHA = 0.7;
/** Unknown pixels off the stripes are tinted a little too, so thin hatching still reads as a region. */
const TINT_ALPHA = 0.14;

/** RGBA of a greyscale raster: white ink on black, as MNIST shows digits. */
export function greyRgba(img: Raster): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.data.length; i++) {
    const g = img.data[i] * 255;
    out[i * 4] = g;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = g;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * A transparent layer to lay over an image, hatched where pixels are unknown. `observed` has one
 * entry per cell×cell block (a model pixel when the layer is `cell` times finer); stripes run
 * diagonally every `period` layer pixels. A separate layer, so the image beneath keeps its values.
 */
export function hatchOverlay(width: number, height: number, observed: Uint8Array, cell: number, period: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  const cellsPerRow = Math.ceil(width / cell);
  const stripe = Math.max(1, Math.round(period / 4));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (observed[Math.floor(y / cell) * cellsPerRow + Math.floor(x / cell)] === 1) continue;
      const i = (y * width + x) * 4;
      out[i] = HATCH_RGB[0];
      out[i + 1] = HATCH_RGB[1];
      out[i + 2] = HATCH_RGB[2];
      out[i + 3] = 255 * ((x + y) % period < stripe ? STRIPE_ALPHA : TINT_ALPHA);
    }
  }
  return out;
}
