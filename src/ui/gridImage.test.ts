import { describe, expect, it } from 'vitest';
import type { ImageGridPayload } from '../protocol';
import { gridImage } from './gridImage';

const px = (img: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) =>
  Array.from(img.rgba.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('gridImage', () => {
  it('places grey images row-major with a gutter', () => {
    // Three 2×1 images in two columns: values 10,11 | 20,21 / 30,31.
    const g: ImageGridPayload = { count: 3, cols: 2, width: 2, height: 1, channels: 1, pixels: new Uint8ClampedArray([10, 11, 20, 21, 30, 31]) };
    const img = gridImage(g, 1);
    expect([img.width, img.height]).toEqual([5, 3]);
    expect(px(img, 0, 0)).toEqual([10, 10, 10, 255]);
    expect(px(img, 1, 0)).toEqual([11, 11, 11, 255]);
    expect(px(img, 3, 0)).toEqual([20, 20, 20, 255]);
    expect(px(img, 0, 2)).toEqual([30, 30, 30, 255]);
    expect(px(img, 2, 0)).toEqual([72, 78, 92, 255]); // gutter
    expect(px(img, 3, 2)).toEqual([72, 78, 92, 255]); // empty last cell
  });

  it('keeps colour channels', () => {
    const g: ImageGridPayload = { count: 1, cols: 4, width: 1, height: 1, channels: 3, pixels: new Uint8ClampedArray([1, 2, 3]) };
    const img = gridImage(g, 0);
    expect([img.width, img.height]).toEqual([1, 1]);
    expect(px(img, 0, 0)).toEqual([1, 2, 3, 255]);
  });
});
