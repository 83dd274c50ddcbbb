import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkShapesSpec, DEFAULT_SHAPES, generateShapes, parseShapesId, renderShape, shapeArea, shapeClassCounts, shapeImages, shapeParams, shapesId, testCount, type ShapeParams,
} from './shapes';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Ink mass (grey/255 summed), centroid and central second moments of one rendered image. */
function moments(img: Uint8Array, size: number) {
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const v = img[y * size + x] / 255;
    m += v; mx += v * (x + 0.5); my += v * (y + 0.5);
  }
  const cx = mx / m, cy = my / m;
  let xx = 0, yy = 0, xy = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const v = img[y * size + x] / 255;
    xx += v * (x + 0.5 - cx) ** 2; yy += v * (y + 0.5 - cy) ** 2; xy += v * (x + 0.5 - cx) * (y + 0.5 - cy);
  }
  return { m, cx, cy, xx, yy, xy };
}

function render(p: ShapeParams, size: number): Uint8Array {
  const img = new Uint8Array(size * size);
  renderShape(p, size, img);
  return img;
}

describe('procedural shapes', () => {
  it('are the same for the same seed, and differ for another seed or split', () => {
    const spec = { size: 28, count: 300, seed: 7 };
    const a = shapeImages(spec, 'train', 0, 300);
    const b = shapeImages(spec, 'train', 0, 300);
    expect(sha(a.images)).toBe(sha(b.images));
    expect(sha(shapeImages({ ...spec, seed: 8 }, 'train', 0, 300).images)).not.toBe(sha(a.images));
    expect(sha(shapeImages(spec, 'test', 0, 300).images)).not.toBe(sha(a.images));
    // Any image can be made alone: images 100..109 equal the same slice of the full set.
    expect(sha(shapeImages(spec, 'train', 100, 10).images)).toBe(sha(a.images.subarray(100 * 784, 110 * 784)));
  });

  it('generate both splits with balanced labels and the stated counts', async () => {
    const spec = { size: 32, count: 600, seed: 3 };
    const progress: number[] = [];
    const { train, test } = await generateShapes(spec, (done) => progress.push(done));
    expect(train.count).toBe(600);
    expect(test.count).toBe(testCount(spec));
    expect(train.images.length).toBe(600 * 32 * 32);
    expect(progress.at(-1)).toBe(700);
    const counts = [0, 1, 2].map((c) => train.labels.filter((l) => l === c).length);
    expect(counts).toEqual(shapeClassCounts(600));
    expect(sha(train.images)).toBe(sha(shapeImages(spec, 'train', 0, 600).images));
  });

  it('fill the analytic area of each shape: πr² for circles, w·h for rectangles, the triangle’s area', () => {
    for (const size of [28, 64]) {
      const spec = { size, count: 300, seed: 11 };
      const worst: Record<string, number> = { circle: 0, rectangle: 0, triangle: 0 };
      for (let i = 0; i < 60; i++) {
        const p = shapeParams(spec, 'train', i);
        const { m } = moments(render(p, size), size);
        worst[p.kind] = Math.max(worst[p.kind], Math.abs(m - shapeArea(p)) / shapeArea(p));
      }
      // 4×4 samples per pixel: the boundary error is a small fraction of a shape ≥ 5 px across.
      for (const kind of Object.keys(worst)) expect(worst[kind], `${kind} at ${size} px`).toBeLessThan(0.03);
    }
  });

  it('put each shape where its parameters say, with the right spread', () => {
    const size = 64;
    const spec = { size, count: 300, seed: 5 };
    for (let i = 0; i < 30; i++) {
      const p = shapeParams(spec, 'train', i);
      const mo = moments(render(p, size), size);
      const [ex, ey] = p.kind === 'triangle' ? [0, 1].map((k) => p.vertices!.reduce((s, v) => s + v[k], 0) / 3) : [p.cx, p.cy];
      expect(Math.hypot(mo.cx - ex, mo.cy - ey), `${p.kind} ${i} centroid`).toBeLessThan(0.15);
      if (p.kind === 'circle') {
        // A disc's second moment about its centre is πr⁴/4 along every axis, and none across.
        const want = (Math.PI * p.r ** 4) / 4;
        expect(Math.abs(mo.xx - want) / want).toBeLessThan(0.04);
        expect(Math.abs(mo.yy - want) / want).toBeLessThan(0.04);
        expect(Math.abs(mo.xy) / want).toBeLessThan(0.02);
      }
      if (p.kind === 'rectangle') {
        // Principal moments of a w×h rectangle: area·w²/12 and area·h²/12, whatever the rotation.
        const [a, b] = p.half!;
        const area = 4 * a * b;
        const tr = mo.xx + mo.yy;
        const det = mo.xx * mo.yy - mo.xy ** 2;
        const l1 = tr / 2 + Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
        const l2 = tr - l1;
        const [big, small] = [(area * (2 * Math.max(a, b)) ** 2) / 12, (area * (2 * Math.min(a, b)) ** 2) / 12];
        expect(Math.abs(l1 - big) / big).toBeLessThan(0.05);
        expect(Math.abs(l2 - small) / small).toBeLessThan(0.08);
      }
    }
  });

  it('are never clipped by the image border and use the full grey range', () => {
    const spec = { size: 28, count: 300, seed: 2 };
    const { images } = shapeImages(spec, 'train', 0, 300);
    for (let i = 0; i < 300; i++) {
      const img = images.subarray(i * 784, (i + 1) * 784);
      let border = 0;
      for (let k = 0; k < 28; k++) border += img[k] + img[27 * 28 + k] + img[k * 28] + img[k * 28 + 27];
      expect(border, `image ${i}`).toBe(0);
      expect(Math.max(...img)).toBe(255);
    }
  });

  it('name their size, count and seed in the dataset id', () => {
    expect(parseShapesId('shapes')).toEqual(DEFAULT_SHAPES);
    expect(shapesId(DEFAULT_SHAPES)).toBe('shapes');
    const spec = { size: 32, count: 10000, seed: 7 };
    expect(shapesId(spec)).toBe('shapes-32px-10000-seed7');
    expect(parseShapesId(shapesId(spec))).toEqual(spec);
    expect(parseShapesId('mnist')).toBeNull();
    expect(parseShapesId('shapes-2')).toBeNull();
    expect(() => parseShapesId('shapes-12px-100-seed1')).toThrow(/image size must be a whole number of pixels from 28 to 128 \(got 12\)/);
    expect(checkShapesSpec({ size: 128, count: 10000, seed: 1 })).toMatch(/at most 2,871 training images/);
    expect(checkShapesSpec({ size: 28, count: 10, seed: 1 })).toMatch(/from 30 to 60,000/);
  });
});
