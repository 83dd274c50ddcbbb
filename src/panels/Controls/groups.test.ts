import { describe, expect, it } from 'vitest';
import { CONTROL_FIELDS } from '../../store/experiment';
import { CONTROL_GROUPS } from './groups';

describe('control groups', () => {
  it('place every editable field exactly once', () => {
    const placed = CONTROL_GROUPS.flatMap((g) => g.fields);
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual([...CONTROL_FIELDS].sort());
  });
});
