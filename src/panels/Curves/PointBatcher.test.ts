import { describe, expect, it } from 'vitest';
import { PointBatcher } from './PointBatcher';

const metrics = (step: number, nelbo: number, test?: number, loss?: number) => ({
  type: 'metrics' as const,
  step,
  epoch: 0,
  epochProgress: 0,
  imagesPerSec: 100,
  train: { nelbo, recon: nelbo - 10, kl: 10, ...(loss === undefined ? {} : { loss }) },
  ...(test === undefined ? {} : { test: { nelbo: test, recon: test - 10, kl: 10 } }),
});

describe('PointBatcher', () => {
  it('batches train points for the three line traces', () => {
    const b = new PointBatcher();
    expect(b.take()).toBeNull();
    b.push(metrics(1, 500));
    b.push(metrics(2, 400));
    expect(b.take()).toEqual({
      indices: [0, 1, 2],
      x: [[1, 2], [1, 2], [1, 2]],
      y: [[500, 400], [490, 390], [10, 10]],
    });
    expect(b.pending).toBe(false);
    expect(b.take()).toBeNull();
  });

  it('adds only the test marker for an evaluation event', () => {
    const b = new PointBatcher();
    b.push(metrics(3, 120, 120));
    expect(b.take()).toEqual({ indices: [3], x: [[3]], y: [[120]] });
  });

  it('drops non-finite values and refuses a step that goes backwards', () => {
    const b = new PointBatcher();
    expect(b.push(metrics(5, Number.NaN))).toBe(true);
    expect(b.take()).toEqual({ indices: [2], x: [[5]], y: [[10]] });
    expect(b.push(metrics(2, 100))).toBe(false);
    b.clear();
    expect(b.push(metrics(2, 100))).toBe(true);
  });

  it('adds a loss point only once the loss differs from the nELBO, then for every step of the run', () => {
    const b = new PointBatcher();
    b.push(metrics(1, 500, undefined, 500));
    b.push(metrics(2, 400, undefined, 400.00001));
    expect(b.take()?.indices).toEqual([0, 1, 2]);
    b.push(metrics(3, 300, undefined, 310));
    b.push(metrics(4, 250, undefined, 250));
    const batch = b.take();
    expect(batch?.indices).toEqual([0, 1, 2, 4]);
    expect(batch?.y[3]).toEqual([310, 250]);
    b.clear();
    b.push(metrics(1, 500, undefined, 500));
    expect(b.take()?.indices).toEqual([0, 1, 2]);
  });
});
