import { describe, expect, it } from 'vitest';
import { boxDownsample, centreOfMass, inkBounds, mnistNormalize, upsampleNearest } from './downsample';
import { raster, segmentDistance, stampSegment } from './raster';

describe('stroke rasterisation', () => {
  it('distance to a segment: perpendicular inside, to the end cap outside', () => {
    expect(segmentDistance(5, 3, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(segmentDistance(13, 4, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(segmentDistance(1, 1, { x: 1, y: 1 }, { x: 1, y: 1 })).toBe(0);
  });

  it('covers the core fully and ramps the edge over one pixel (anti-aliasing)', () => {
    const img = raster(20, 20);
    // Horizontal segment along y = 10.25, radius 2; pixel centres sit at row + ½.
    stampSegment(img, { x: 2, y: 10.25 }, { x: 18, y: 10.25 }, 2, 'ink');
    const col = (y: number) => img.data[y * 20 + 10];
    expect(col(9)).toBe(1); // d = 0.75 → clamp(2 + ½ − 0.75) = 1
    expect(col(8)).toBeCloseTo(0.75, 6); // d = 1.75
    expect(col(7)).toBe(0); // d = 2.75
    expect(col(11)).toBe(1); // d = 1.25
    expect(col(12)).toBeCloseTo(0.25, 6); // d = 2.25
    expect(col(13)).toBe(0);
  });

  it('ink never exceeds 1 where segments overlap; erase lowers what it covers', () => {
    const img = raster(10, 10);
    for (let i = 0; i < 5; i++) stampSegment(img, { x: 5, y: 5 }, { x: 5.1, y: 5 }, 2, 'ink');
    expect(Math.max(...img.data)).toBe(1);
    stampSegment(img, { x: 5.5, y: 5.5 }, { x: 5.5, y: 5.5 }, 1, 'erase');
    expect(img.data[5 * 10 + 5]).toBe(0);
    expect(img.data[5 * 10 + 7]).toBeGreaterThan(0);
  });
});

describe('downsampling', () => {
  it('box averages each block, and undoes nearest upsampling exactly', () => {
    const fine = raster(4, 2);
    fine.data.set([1, 0, 0, 0, 1, 0, 1, 1]);
    expect(Array.from(boxDownsample(fine, 2).data)).toEqual([0.5, 0.5]);
    const img = { width: 3, height: 2, data: Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) };
    expect(Array.from(boxDownsample(upsampleNearest(img, 4), 4).data)).toEqual(Array.from(img.data));
  });

  it('centre of mass uses pixel centres; blank rasters have none', () => {
    const img = raster(8, 8);
    img.data[5 * 8 + 3] = 1;
    expect(centreOfMass(img)).toEqual({ x: 3.5, y: 5.5 });
    img.data[5 * 8 + 5] = 1;
    expect(centreOfMass(img)).toEqual({ x: 4.5, y: 5.5 });
    expect(centreOfMass(raster(3, 3))).toBeNull();
    expect(inkBounds(img)).toEqual({ x0: 3, y0: 5, x1: 5, y1: 5 });
  });

  it('MNIST normalisation: fits the ink into 20×20 keeping its aspect, centre of mass at the middle', () => {
    // A tall bar, 30 wide and 90 high, in the top-left of a 112×112 raster.
    const fine = raster(112, 112);
    for (let y = 5; y < 95; y++) for (let x = 4; x < 34; x++) fine.data[y * 112 + x] = 1;
    const out = mnistNormalize(fine, 28, 20);
    const com = centreOfMass(out)!;
    expect(com.x).toBeCloseTo(14, 1);
    expect(com.y).toBeCloseTo(14, 1);
    const b = inkBounds(out, 0.5)!;
    expect(b.y1 - b.y0 + 1).toBe(20);
    expect(b.x1 - b.x0 + 1).toBeGreaterThanOrEqual(6);
    expect(b.x1 - b.x0 + 1).toBeLessThanOrEqual(7);
    // Inside the bar the ink is solid; a blank drawing stays blank.
    expect(out.data[14 * 28 + 14]).toBeCloseTo(1, 5);
    expect(Math.max(...mnistNormalize(raster(112, 112)).data)).toBe(0);
  });
});
