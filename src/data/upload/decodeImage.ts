import type { DecodeFn } from './importImages';

/**
 * The browser's decoder (createImageBitmap; in the page or a worker): the image is scaled to fit
 * size×size keeping its aspect, centred on black (transparency composites onto black), and read
 * back as greyscale (BT.601 luma) or RGB.
 */
export const decodeImage: DecodeFn = async (bytes, type, size, channels) => {
  const full = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const scale = Math.min(size / full.width, size / full.height);
  const w = Math.max(1, Math.round(full.width * scale));
  const h = Math.max(1, Math.round(full.height * scale));
  // The browser's own high-quality resampling (area-averaging for big reductions).
  const small = await createImageBitmap(full, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  full.close();
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, size, size);
  ctx.drawImage(small, Math.floor((size - w) / 2), Math.floor((size - h) / 2));
  small.close();
  const rgba = ctx.getImageData(0, 0, size, size).data;
  const out = new Uint8Array(size * size * channels);
  for (let i = 0, p = 0; i < size * size; i++, p += 4) {
    if (channels === 3) {
      out[3 * i] = rgba[p];
      out[3 * i + 1] = rgba[p + 1];
      out[3 * i + 2] = rgba[p + 2];
    } else {
      out[i] = Math.round(0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]);
    }
  }
  return out;
};
