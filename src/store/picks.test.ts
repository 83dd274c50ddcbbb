import { describe, expect, it } from 'vitest';
import { MAX_PICKS, pairsOf, picksActions, picksStore } from './picks';

describe('picks', () => {
  it('pairs consecutive picks; an odd one waits', () => {
    const p = [0, 1, 2].map((index) => ({ index, label: index }));
    expect(pairsOf(p)).toEqual([[p[0], p[1]]]);
    expect(pairsOf([])).toEqual([]);
  });

  it('keeps at most ten pairs, dropping the oldest pair', () => {
    picksActions.clear();
    for (let i = 0; i < MAX_PICKS + 1; i++) picksActions.add({ index: i, label: 0 });
    const picks = picksStore.getState().picks;
    expect(picks.length).toBe(MAX_PICKS - 1);
    expect(picks[0].index).toBe(2);
    picksActions.clear();
    expect(picksStore.getState().picks).toEqual([]);
  });
});
