import { describe, expect, it } from 'vitest';
import { claim, CONTROL_BYTES, MAX_CALLS, MAX_HELPERS, ticket, TICKET } from './pool-layout';

describe('the kernel pool ticket', () => {
  const fresh = () => new BigInt64Array(new SharedArrayBuffer(CONTROL_BYTES));

  it('hands out each call of a job once, then only "nothing left"', () => {
    const t = fresh();
    Atomics.store(t, TICKET, ticket(7, 5));
    const got = Array.from({ length: 5 + MAX_HELPERS + 1 }, () => claim(t));
    expect(got.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((i) => [7, 5, i]));
    // Every thread over-claims once when it finds the job empty: the count stays intact.
    for (const [job, count, i] of got.slice(5)) expect([job, count, i >= count]).toEqual([7, 5, true]);
  });

  it('a claim after the next job is posted is a claim on that job, with its count', () => {
    const t = fresh();
    Atomics.store(t, TICKET, ticket(1, 3));
    claim(t);
    Atomics.store(t, TICKET, ticket(2, MAX_CALLS));
    expect(claim(t)).toEqual([2, MAX_CALLS, 0]);
  });

  it('keeps job numbers past 2³¹ positive and counts up to MAX_CALLS exact', () => {
    const t = fresh();
    Atomics.store(t, TICKET, ticket(0x7fffffff, MAX_CALLS));
    expect(claim(t)).toEqual([0x7fffffff, MAX_CALLS, 0]);
  });
});
