import { describe, expect, it } from 'vitest';
import { isSnapshotStep } from '../../protocol';
import { thin } from './budget';
import { snapshotDue } from './keeper';

describe('timeline schedule', () => {
  it('is log-spaced: 0, 10, 20, 50, 100, 200, 500, … and nothing between', () => {
    const steps = Array.from({ length: 60_001 }, (_, i) => i).filter(isSnapshotStep);
    expect(steps).toEqual([0, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000]);
    expect(isSnapshotStep(2_000_000)).toBe(true);
    expect(isSnapshotStep(3_000_000)).toBe(false);
    expect(isSnapshotStep(-10)).toBe(false);
  });

  it('adds every epoch end, named as such even on a log-spaced step', () => {
    expect(snapshotDue({ step: 0, stepInEpoch: 0 })).toBe('schedule');
    expect(snapshotDue({ step: 20, stepInEpoch: 20 })).toBe('schedule');
    expect(snapshotDue({ step: 468, stepInEpoch: 0 })).toBe('epoch');
    expect(snapshotDue({ step: 100, stepInEpoch: 0 })).toBe('epoch');
    expect(snapshotDue({ step: 469, stepInEpoch: 1 })).toBeNull();
  });

  it('a default MNIST run (468 steps an epoch, 10 epochs) keeps 19 moments', () => {
    const moments = Array.from({ length: 4681 }, (_, step) => snapshotDue({ step, stepInEpoch: step % 468 })).filter(Boolean);
    expect(moments).toHaveLength(9 + 10);
  });
});

describe('timeline budget', () => {
  const at = (steps: number[], bytes = 100) => steps.map((step) => ({ step, bytes }));

  it('drops nothing within the budget', () => {
    expect(thin(at([0, 10, 20]), 300)).toEqual([]);
  });

  it('past the budget keeps the first and the last and fits', () => {
    const steps = [0, 10, 20, 50, 100, 200, 468, 500, 936, 1000, 1404, 1872, 2000, 2340];
    for (const budget of [1400, 1000, 550, 200, 50]) {
      const dropped = thin(at(steps), budget);
      const kept = steps.filter((s) => !dropped.includes(s));
      expect(kept[0]).toBe(0);
      expect(kept.at(-1)).toBe(2340);
      expect(kept.length * 100 <= budget || kept.length === 2).toBe(true);
      // Only as many as needed go.
      expect(kept.length).toBe(Math.max(2, Math.min(steps.length, Math.floor(budget / 100))));
    }
  });

  it('drops where moments crowd in log-time first (468 beside 500), then the next closest', () => {
    expect(thin(at([0, 10, 100, 468, 500, 5000]), 500)).toEqual([468]);
    // Left: 0, 10, 100, 500, 5000; 100's neighbours span log(501/11) < 500's log(5001/101).
    expect(thin(at([0, 10, 100, 468, 500, 5000]), 400)).toEqual([468, 100]);
  });
});
