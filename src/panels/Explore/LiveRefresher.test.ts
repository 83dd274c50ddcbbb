import { describe, expect, it } from 'vitest';
import { LiveRefresher, type Clock } from './LiveRefresher';

/** A manual clock: time moves only when the test says so. */
function fakeClock() {
  let t = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => t,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const advance = async (ms: number) => {
    t += ms;
    for (const due of timers.filter((x) => x.at <= t)) {
      timers = timers.filter((x) => x !== due);
      due.fn();
    }
    await flush();
  };
  return { clock, advance, pending: () => timers.length };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A job whose runs the test finishes by hand. */
function manualJob() {
  const finishers: (() => void)[] = [];
  let starts = 0;
  const job = () => {
    starts++;
    return new Promise<void>((r) => finishers.push(r));
  };
  return { job, starts: () => starts, finish: async () => (finishers.shift()?.(), flush()) };
}

describe('LiveRefresher', () => {
  it('runs nothing until active, then at once', async () => {
    const { clock } = fakeClock();
    const j = manualJob();
    const r = new LiveRefresher(j.job, 2000, clock);
    r.request();
    expect(j.starts()).toBe(0);
    r.setActive(true);
    expect(j.starts()).toBe(1);
    expect(r.busy).toBe(true);
  });

  it('keeps one job in flight and coalesces requests into one run per interval', async () => {
    const { clock, advance } = fakeClock();
    const j = manualJob();
    // No rest after slow jobs here: this test is about the interval alone.
    const r = new LiveRefresher(j.job, 2000, clock, 0);
    r.setActive(true);
    r.request();
    for (let i = 0; i < 20; i++) r.request();
    expect(j.starts()).toBe(1);
    await advance(500);
    await j.finish();
    // Finished early: the next run waits for the interval to pass.
    expect(j.starts()).toBe(1);
    await advance(1400);
    expect(j.starts()).toBe(1);
    await advance(100);
    expect(j.starts()).toBe(2);
    // A slow job: the request made meanwhile runs right after it, not alongside.
    r.request();
    await advance(5000);
    expect(j.starts()).toBe(2);
    await j.finish();
    expect(j.starts()).toBe(3);
    await j.finish();
    expect(j.starts()).toBe(3);
  });

  it('after a slow job, rests three times its duration so training keeps most of the worker', async () => {
    const { clock, advance } = fakeClock();
    const j = manualJob();
    const r = new LiveRefresher(j.job, 2000, clock);
    r.setActive(true);
    r.request();
    await advance(1000);
    r.request();
    await j.finish();
    await advance(2900);
    expect(j.starts()).toBe(1);
    await advance(100);
    expect(j.starts()).toBe(2);
  });

  it('an urgent request skips the wait but not the running job', async () => {
    const { clock, advance } = fakeClock();
    const j = manualJob();
    const r = new LiveRefresher(j.job, 2000, clock);
    r.setActive(true);
    r.request();
    await j.finish();
    r.request();
    await advance(10);
    expect(j.starts()).toBe(1);
    r.request(true);
    expect(j.starts()).toBe(2);
    r.request(true);
    expect(j.starts()).toBe(2);
    await j.finish();
    expect(j.starts()).toBe(3);
  });

  it('pauses while inactive and catches up once when active again; failures do not stop it', async () => {
    const { clock, advance, pending } = fakeClock();
    let starts = 0;
    const r = new LiveRefresher(
      async () => {
        starts++;
        throw new Error('worker said no');
      },
      1000,
      clock,
    );
    r.setActive(true);
    r.request();
    await flush();
    expect(starts).toBe(1);
    r.request();
    r.setActive(false);
    expect(pending()).toBe(0);
    await advance(10_000);
    expect(starts).toBe(1);
    r.setActive(true);
    await flush();
    expect(starts).toBe(2);
    r.dispose();
    r.request(true);
    expect(starts).toBe(2);
  });
});
