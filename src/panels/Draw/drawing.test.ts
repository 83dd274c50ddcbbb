import { describe, expect, it } from 'vitest';
import { Drawing, FINE, SIZE } from './drawing';
import { greyRgba, hatchOverlay, HATCH_RGB } from './hatch';
import { checkRect, regionMask } from './mask';
import { raster } from './raster';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('a drawing', () => {
  it('draws strokes that come out like MNIST digits: solid cores, soft edges', () => {
    const d = new Drawing();
    d.begin('ink', 'ink', 1.25, { x: 14, y: 4 });
    for (let y = 5; y <= 24; y++) d.extend({ x: 14, y });
    d.end();
    const img = d.modelInput(false);
    expect(img.width).toBe(SIZE);
    const row = Array.from(img.data.subarray(14 * SIZE, 15 * SIZE));
    expect(Math.max(...row)).toBe(1);
    // Anti-aliased: the stroke's edge pixels are grey, not just 0 or 1.
    expect(row.filter((v) => v > 0.05 && v < 0.95).length).toBeGreaterThanOrEqual(1);
    expect(row.filter((v) => v > 0.05).length).toBeLessThanOrEqual(4);
  });

  it('a tap is a dot; undo takes back exactly the last stroke; versions count changes', () => {
    const d = new Drawing();
    const v0 = d.version;
    d.begin('ink', 'ink', 1, { x: 5, y: 5 });
    d.end();
    expect(sum(d.ink.data)).toBeGreaterThan(0);
    const afterDot = d.ink.data.slice();
    d.begin('ink', 'ink', 2, { x: 20, y: 20 });
    d.extend({ x: 25, y: 20 });
    d.end();
    expect(d.version).toBeGreaterThan(v0 + 2);
    d.undo();
    expect(Array.from(d.ink.data)).toEqual(Array.from(afterDot));
    d.undo();
    expect(sum(d.ink.data)).toBe(0);
    expect(d.canUndo).toBe(false);
  });

  it('the eraser removes ink; clear is undoable; the mask layer is separate', () => {
    const d = new Drawing();
    d.begin('ink', 'ink', 2, { x: 10, y: 10 });
    d.extend({ x: 18, y: 10 });
    d.end();
    const inked = sum(d.ink.data);
    d.begin('ink', 'erase', 2, { x: 14, y: 10 });
    d.end();
    expect(sum(d.ink.data)).toBeLessThan(inked);
    d.begin('mask', 'ink', 3, { x: 5, y: 5 });
    d.end();
    expect(sum(d.paintedMask().data)).toBeGreaterThan(0);
    d.clear('ink');
    expect(sum(d.ink.data)).toBe(0);
    expect(sum(d.mask.data)).toBeGreaterThan(0);
    d.undo();
    expect(sum(d.ink.data)).toBeGreaterThan(0);
  });

  it('a test image as the base comes back pixel for pixel, and strokes go on top', () => {
    const d = new Drawing();
    const img = Float32Array.from({ length: SIZE * SIZE }, (_, i) => (i % 7) / 6);
    d.setBase(img);
    expect(Array.from(d.modelInput(false).data)).toEqual(Array.from(img));
    expect(d.ink.width).toBe(SIZE * FINE);
    expect(() => d.setBase(new Float32Array(10))).toThrow(/784 pixels/);
  });

  it('centring by mass moves an off-centre digit to the middle', () => {
    const d = new Drawing();
    d.begin('ink', 'ink', 1.25, { x: 3, y: 3 });
    d.extend({ x: 3, y: 12 });
    d.end();
    const plain = d.modelInput(false);
    const centred = d.modelInput(true);
    const col = (img: typeof plain) => {
      let m = 0;
      let s = 0;
      img.data.forEach((v, i) => ((m += v), (s += v * ((i % SIZE) + 0.5))));
      return s / m;
    };
    expect(col(plain)).toBeCloseTo(3, 0);
    expect(col(centred)).toBeCloseTo(14, 0);
  });
});

describe('observed regions', () => {
  it('halves split the image exactly in two', () => {
    const left = regionMask('left', 28, 28);
    expect(sum(left)).toBe(14 * 28);
    expect(left[5 * 28 + 13]).toBe(1);
    expect(left[5 * 28 + 14]).toBe(0);
    const right = regionMask('right', 28, 28);
    expect(left.every((v, i) => v + right[i] === 1)).toBe(true);
    const top = regionMask('top', 28, 28);
    expect(top[13 * 28 + 27]).toBe(1);
    expect(top[14 * 28]).toBe(0);
    expect(regionMask('bottom', 28, 28).every((v, i) => v + top[i] === 1)).toBe(true);
    expect(sum(regionMask('all', 28, 28))).toBe(784);
  });

  it('a rectangle is inclusive; a painted mask is observed where at least half painted', () => {
    const r = regionMask('rect', 10, 10, { x0: 2, y0: 3, x1: 4, y1: 3 });
    expect(sum(r)).toBe(3);
    expect(r[3 * 10 + 2]).toBe(1);
    const painted = raster(4, 1);
    painted.data.set([0, 0.49, 0.5, 1]);
    expect(Array.from(regionMask('painted', 4, 1, undefined, painted))).toEqual([0, 0, 1, 1]);
    expect(sum(regionMask('painted', 4, 1))).toBe(0);
  });

  it('a bad rectangle is named', () => {
    expect(checkRect({ x0: 0, y0: 0, x1: 28, y1: 5 }, 28, 28)).toEqual({ ok: false, field: 'x1', message: 'Last column must be a whole number from 0 to 27.' });
    expect(checkRect({ x0: 0, y0: NaN, x1: 3, y1: 5 }, 28, 28)).toMatchObject({ ok: false, field: 'y0', message: expect.stringMatching(/^First row/) });
    expect(checkRect({ x0: 9, y0: 0, x1: 3, y1: 5 }, 28, 28)).toMatchObject({ ok: false, field: 'x1', message: expect.stringMatching(/left of the first column/) });
    expect(checkRect({ x0: 1, y0: 1, x1: 3, y1: 5 }, 28, 28).ok).toBe(true);
  });

  it('unknown pixels are hatched on a separate layer; observed ones stay clear', () => {
    const observed = Uint8Array.from([1, 0]); // 2 cells of 4×4 across
    const layer = hatchOverlay(8, 4, observed, 4, 4);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) expect(layer[(y * 8 + x) * 4 + 3]).toBe(0);
    // Pixel (4, 0) is unknown and on a stripe: hatch colour, mostly opaque.
    expect(Array.from(layer.subarray(4 * 4, 4 * 4 + 3))).toEqual([...HATCH_RGB]);
    expect(layer[4 * 4 + 3]).toBeGreaterThan(150);
    // Off the stripe, only a light tint.
    expect(layer[6 * 4 + 3]).toBeGreaterThan(0);
    expect(layer[6 * 4 + 3]).toBeLessThan(60);
    const img = raster(2, 1);
    img.data.set([0, 0.5]);
    expect(Array.from(greyRgba(img))).toEqual([0, 0, 0, 255, 128, 128, 128, 255]);
  });
});
