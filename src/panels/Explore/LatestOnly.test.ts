import { describe, expect, it } from 'vitest';
import { LatestOnly } from './LatestOnly';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LatestOnly', () => {
  it('runs one task at a time and, of those waiting, only the newest', async () => {
    const ran: number[] = [];
    const release: (() => void)[] = [];
    const q = new LatestOnly();
    const task = (n: number) => () => {
      ran.push(n);
      return new Promise<void>((r) => release.push(r));
    };
    q.run(task(1));
    q.run(task(2));
    q.run(task(3));
    q.run(task(4));
    expect(ran).toEqual([1]);
    release.shift()!();
    await flush();
    expect(ran).toEqual([1, 4]);
    release.shift()!();
    await flush();
    expect(ran).toEqual([1, 4]);
  });
});
