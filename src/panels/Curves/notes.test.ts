import { describe, expect, it } from 'vitest';
import { noteLayout } from './notes';

describe('noteLayout', () => {
  it('draws one dashed line and one label per note, at its step', () => {
    const l = noteLayout([
      { step: 120, text: 'β = 2' },
      { step: 300, text: 'lr = 0.01' },
    ]) as { shapes: Record<string, unknown>[]; annotations: Record<string, unknown>[] };
    expect(l.shapes).toHaveLength(2);
    expect(l.shapes[0]).toMatchObject({ type: 'line', x0: 120, x1: 120, yref: 'paper', y0: 0, y1: 1, line: { dash: 'dash' } });
    expect(l.annotations.map((a) => [a.x, a.text])).toEqual([
      [120, 'β = 2'],
      [300, 'lr = 0.01'],
    ]);
  });

  it('clears every mark when there are no notes', () => {
    expect(noteLayout([])).toEqual({ shapes: [], annotations: [] });
  });
});
