import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { claim, CONTROL_BYTES, MAX_CALLS, MAX_HELPERS, SPIN_MS, ticket, TICKET, waitWhile, wake } from './pool-layout';

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

describe('waitWhile and wake', () => {
  // Two threads hand a turn back and forth, each pausing at random (so the other sometimes spins,
  // sometimes sleeps). A wake-up lost between "no one sleeps" and "going to sleep" would leave both
  // asleep: the test fails on its deadline (both run in workers, so this thread stays free to see it).
  it('lose no wake-up over thousands of hand-overs, notifying only sleepers', { timeout: 30_000 }, async () => {
    const rounds = 3000;
    const ctl = new Int32Array(new SharedArrayBuffer(16));
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const SPIN_MS = ${SPIN_MS};
      ${waitWhile.toString()}
      ${wake.toString()}
      const ctl = new Int32Array(workerData.buffer);
      const side = workerData.side;
      let slept = 0;
      for (let r = 0; r < workerData.rounds; r++) {
        // Side 0 moves the turn from 2r to 2r + 1, side 1 from 2r + 1 to 2r + 2: each waits out the value before.
        waitWhile(ctl, 0, 2 * r + side - 1, 1);
        const until = performance.now() + Math.random() * 0.2;
        while (performance.now() < until);
        if (Atomics.load(ctl, 1) > 0) slept++;
        Atomics.store(ctl, 0, 2 * r + side + 1);
        wake(ctl, 0, 1);
      }
      parentPort.postMessage(slept);
    `;
    const workers = [0, 1].map((side) => new Worker(source, { eval: true, workerData: { buffer: ctl.buffer, rounds, side } }));
    const finished = Promise.all(workers.map((w) => new Promise<number>((resolve, reject) => (w.on('message', resolve), w.on('error', reject)))));
    const deadline = new Promise<'lost a wake-up'>((resolve) => setTimeout(() => resolve('lost a wake-up'), 20_000));
    const result = await Promise.race([finished, deadline]);
    await Promise.all(workers.map((w) => w.terminate()));
    expect(result).not.toBe('lost a wake-up');
    expect(Atomics.load(ctl, 0)).toBe(2 * rounds);
    expect(Atomics.load(ctl, 1)).toBe(0);
    // The sleeping path ran too, not only the spinning one.
    expect((result as number[]).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
