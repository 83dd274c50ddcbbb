import { raster, type Raster } from './raster';

/** Mean of each factor×factor block: the exact area average of a raster drawn `factor` times finer. */
export function boxDownsample(fine: Raster, factor: number): Raster {
  const out = raster(Math.floor(fine.width / factor), Math.floor(fine.height / factor));
  const inv = 1 / (factor * factor);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      let s = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * fine.width + x * factor;
        for (let dx = 0; dx < factor; dx++) s += fine.data[row + dx];
      }
      out.data[y * out.width + x] = s * inv;
    }
  }
  return out;
}

/** Each pixel repeated factor×factor times (boxDownsample undoes it exactly). */
export function upsampleNearest(img: Raster, factor: number): Raster {
  const out = raster(img.width * factor, img.height * factor);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) out.data[y * out.width + x] = img.data[Math.floor(y / factor) * img.width + Math.floor(x / factor)];
  }
  return out;
}

/** Intensity-weighted mean position, pixel centres at +½; null for a blank raster. */
export function centreOfMass(img: Raster): { x: number; y: number } | null {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x];
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: sx / m, y: sy / m } : null;
}

/** Smallest box holding every pixel above `threshold`, in pixels (inclusive); null when blank. */
export function inkBounds(img: Raster, threshold = 0.05): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] <= threshold) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** Bilinear sample at (x, y) in pixel units (centres at +½); 0 outside. */
function bilinear(img: Raster, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = fx - ix;
  const ty = fy - iy;
  const at = (cx: number, cy: number) => (cx < 0 || cy < 0 || cx >= img.width || cy >= img.height ? 0 : img.data[cy * img.width + cx]);
  return (1 - ty) * ((1 - tx) * at(ix, iy) + tx * at(ix + 1, iy)) + ty * ((1 - tx) * at(ix, iy + 1) + tx * at(ix + 1, iy + 1));
}

/**
 * MNIST's own preprocessing: the ink's bounding box scaled (aspect kept) to fit a box×box square,
 * anti-aliased, then placed so its centre of mass sits at the centre of a size×size image.
 */
export function mnistNormalize(fine: Raster, size = 28, box = 20): Raster {
  const out = raster(size, size);
  const bounds = inkBounds(fine);
  const com = centreOfMass(fine);
  if (!bounds || !com) return out;
  const s = box / Math.max(bounds.x1 - bounds.x0 + 1, bounds.y1 - bounds.y0 + 1);
  // Enough sub-samples per output pixel that each fine pixel under it is seen.
  const k = Math.min(8, Math.ceil(1 / s) + 1);
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let acc = 0;
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < k; i++) {
          const x = (ox + (i + 0.5) / k - size / 2) / s + com.x;
          const y = (oy + (j + 0.5) / k - size / 2) / s + com.y;
          acc += bilinear(fine, x, y);
        }
      }
      out.data[oy * size + ox] = Math.min(1, acc / (k * k));
    }
  }
  return out;
}
