import { describe, expect, it } from 'vitest';
import type { LatentPlane } from '../../protocol';
import { planeToLatent } from './plane';
import { axisTitle, LABEL_COLORS, scatterTraces } from './scatterSpec';

describe('scatter traces', () => {
  it('splits points by label, keeping coordinates and test indices together', () => {
    const points = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const labels = Uint8Array.from([3, 0, 3, 9]);
    const traces = scatterTraces(points, labels, 4);
    expect(traces.length).toBe(10);
    expect(Array.from(traces[3].x as unknown as Float32Array)).toEqual([0, 4]);
    expect(Array.from(traces[3].y as unknown as Float32Array)).toEqual([1, 5]);
    expect(Array.from(traces[3].customdata as Int32Array)).toEqual([0, 2]);
    expect(Array.from(traces[9].x as unknown as Float32Array)).toEqual([6]);
    expect(traces[1].x?.length).toBe(0);
    expect(new Set(traces.map((t) => (t.marker as { color: string }).color)).size).toBe(10);
    expect(LABEL_COLORS.length).toBe(10);
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
