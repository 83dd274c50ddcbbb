import { describe, expect, it } from 'vitest';
import { discMask, rgb, stampDiscs, type Pixels } from './raster';

const blank = (w: number, h: number): Pixels => ({ data: new Uint8ClampedArray(4 * w * h), width: w, height: h });
const pixel = (p: Pixels, x: number, y: number) => Array.from(p.data.slice(4 * (y * p.width + x), 4 * (y * p.width + x) + 4));

describe('disc mask', () => {
  it('covers about π r² pixels, fully at the centre and not at the corners', () => {
    for (const d of [4, 5, 8]) {
      const { side, cover } = discMask(d);
      const area = cover.reduce((a, b) => a + b, 0);
      expect(area).toBeGreaterThan(Math.PI * (d / 2) ** 2 * 0.9);
      expect(area).toBeLessThan(Math.PI * (d / 2) ** 2 * 1.1);
      const mid = Math.floor(side / 2);
      expect(cover[mid * side + mid]).toBe(1);
      expect(cover[0]).toBe(0);
      // Symmetric: the mask mirrored left to right is itself.
      for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) expect(cover[y * side + x]).toBe(cover[y * side + side - 1 - x]);
    }
  });
});

describe('stampDiscs', () => {
  const red = rgb('#FF0000');
  const blue = rgb('#0000FF');

  it('reads hex colours', () => {
    expect(rgb('#E69F00')).toEqual([230, 159, 0]);
  });

  it('puts a disc of the colour and opacity where the point is, and nothing elsewhere', () => {
    const p = blank(20, 20);
    stampDiscs(p, [10], [10], [0], red, 0.75, discMask(4));
    // A 4-pixel disc centred on the corner (10, 10) fills pixels 9 and 10 fully.
    expect(pixel(p, 9, 9)).toEqual([255, 0, 0, 191]);
    expect(pixel(p, 10, 10)).toEqual([255, 0, 0, 191]);
    expect(pixel(p, 3, 3)).toEqual([0, 0, 0, 0]);
    expect(pixel(p, 13, 10)).toEqual([0, 0, 0, 0]);
  });

  it('composites an overlapping point over the one below, as canvas "source-over" does', () => {
    const p = blank(20, 20);
    const mask = discMask(4);
    stampDiscs(p, [10], [10], [0], red, 0.75, mask);
    stampDiscs(p, [10], [10], [0], blue, 0.75, mask);
    // α = 0.75 + 0.75·0.25 = 0.9375; red keeps 0.1875 / 0.9375 = 0.2 of the colour, blue 0.8.
    expect(pixel(p, 10, 10)).toEqual([51, 0, 204, 239]);
  });

  it('places points through an origin and scale, skips NaN and clips at the edges', () => {
    const p = blank(10, 10);
    stampDiscs(p, [105, NaN, 100], [52.5, 3, 50], [0, 1, 2], red, 1, discMask(2), { left: 100, top: 50, scale: 2 });
    // (105, 52.5) → pixel corner (10, 5): the right edge; only the left half of the disc is inside.
    expect(pixel(p, 9, 4)[3]).toBeGreaterThan(0);
    // (100, 50) → the top-left corner: one quarter of the disc.
    expect(pixel(p, 0, 0)[3]).toBeGreaterThan(0);
    expect(pixel(p, 5, 5)).toEqual([0, 0, 0, 0]);
  });
});
