import { describe, expect, it } from 'vitest';
import { seriesToCsv } from './csv';
import { historyToMetrics } from './history';
import { PointBatcher } from './PointBatcher';

describe('curve export and replay', () => {
  it('writes one row per step, one column per series, blanks where a series has no point', () => {
    const csv = seriesToCsv([
      { name: 'train nELBO', x: [1, 2, 3], y: [500, 400.5, 300] },
      { name: 'test nELBO', x: [3], y: [310] },
      { name: 'a "quoted", name', x: [], y: [] },
    ]);
    expect(csv).toBe('step,train nELBO,test nELBO,"a ""quoted"", name"\n1,500,,\n2,400.5,,\n3,300,310,\n');
  });

  it('replays a saved history through the batcher as the live events drew it', () => {
    const h = {
      train: { step: [1, 2, 9], nelbo: [500, 400, 200], recon: [490, 390, 190], kl: [10, 10, 10], loss: [500, 400, 200] },
      test: { step: [9], epoch: [1], nelbo: [210], recon: [200], kl: [10], loss: [210] },
      notes: [],
    };
    const events = historyToMetrics(h);
    expect(events.map((e) => [e.step, !!e.test])).toEqual([[1, false], [2, false], [9, false], [9, true]]);
    const b = new PointBatcher();
    for (const e of events) expect(b.push(e)).toBe(true);
    expect(b.take()).toEqual({ indices: [0, 1, 2, 3], x: [[1, 2, 9], [1, 2, 9], [1, 2, 9], [9]], y: [[500, 400, 200], [490, 390, 190], [10, 10, 10], [210]] });
  });
});
