import { describe, expect, it } from 'vitest';
import type { LatentPlane } from '../../protocol';
import { planeToLatent } from './plane';
import type { Frame } from '../../ui/chart/frame';
import { project } from './scatterPaint';
import { axisTitle, groupByLabel, LABEL_COLORS, pointText } from './scatterSpec';

describe('points by label', () => {
  it('lists the test indices of each class in order, empty classes included', () => {
    const labels = Uint8Array.from([3, 0, 3, 9, 7]);
    const groups = groupByLabel(labels, 4);
    expect(groups.length).toBe(10);
    expect(Array.from(groups[3])).toEqual([0, 2]);
    expect(Array.from(groups[0])).toEqual([1]);
    expect(Array.from(groups[9])).toEqual([3]);
    // Only `count` points: the fifth label is past the end.
    expect(groups[7].length).toBe(0);
    expect(groups[1].length).toBe(0);
    expect(new Set(LABEL_COLORS).size).toBe(10);
  });

  it('names a hovered point by label and test image', () => {
    expect(pointText(4, 1234)).toBe('label 4 · test image 1234');
  });
});

describe('projection to pixels', () => {
  const f: Frame = { left: 10, top: 5, width: 100, height: 50, x: [-1, 1], y: [0, 10] };

  it('maps plane coordinates into the frame, y upwards, and drops points far outside it', () => {
    const px = new Float32Array(3);
    const py = new Float32Array(3);
    project(f, Float32Array.from([-1, 0, 1, 10, 5, 5]), 3, px, py);
    expect([px[0], py[0]]).toEqual([10, 55]);
    expect([px[1], py[1]]).toEqual([110, 5]);
    expect(Number.isNaN(px[2]) && Number.isNaN(py[2])).toBe(true);
  });
});

describe('latent plane', () => {
  const pca: LatentPlane = {
    axes: 'pca',
    mean: Float32Array.from([1, 2, 3]),
    components: Float32Array.from([0.6, 0.8, 0, 0, 0, 1]),
    explained: Float32Array.from([0.4123, 0.2]),
  };

  it('maps a plotted point back through the principal axes', () => {
    expect(Array.from(planeToLatent(pca, 5, -1))).toEqual([4, 6, 2]);
    const latent: LatentPlane = { axes: 'latent', mean: new Float32Array(2), components: Float32Array.from([1, 0, 0, 1]), explained: Float32Array.from([0.5, 0.5]) };
    expect(Array.from(planeToLatent(latent, 0.25, -2))).toEqual([0.25, -2]);
  });

  it('labels principal axes with their share of the variance', () => {
    expect(axisTitle(pca, 0)).toBe('PC1 · 41.2% of variance');
    expect(axisTitle({ ...pca, axes: 'latent' }, 1)).toBe('z₂ · 20.0% of variance');
  });
});
