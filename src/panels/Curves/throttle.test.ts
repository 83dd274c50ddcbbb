import { describe, expect, it } from 'vitest';
import { FrameThrottle, type Clock } from './throttle';

/** A clock whose timers and frames run only when the test says so. */
function fakeClock() {
  let t = 0;
  let timers: { at: number; fn: () => void }[] = [];
  let frames: (() => void)[] = [];
  const clock: Clock = {
    now: () => t,
    setTimeout: (fn, ms) => {
      const h = { at: t + ms, fn };
      timers.push(h);
      return h;
    },
    clearTimeout: (h) => (timers = timers.filter((x) => x !== h)),
    frame: (fn) => (frames.push(fn), fn),
    cancelFrame: (h) => (frames = frames.filter((f) => f !== h)),
  };
  const advance = (ms: number) => {
    t += ms;
    const due = timers.filter((x) => x.at <= t);
    timers = timers.filter((x) => x.at > t);
    due.forEach((x) => x.fn());
  };
  const paint = () => {
    const f = frames;
    frames = [];
    f.forEach((fn) => fn());
  };
  return { clock, advance, paint, frames: () => frames.length, timers: () => timers.length };
}

describe('FrameThrottle', () => {
  it('runs the first request on the next frame and coalesces the rest', () => {
    const c = fakeClock();
    let calls = 0;
    const th = new FrameThrottle(() => calls++, 200, c.clock);
    th.request();
    th.request();
    expect(c.frames()).toBe(1);
    c.paint();
    expect(calls).toBe(1);
  });

  it('waits out the interval after a call', () => {
    const c = fakeClock();
    let calls = 0;
    const th = new FrameThrottle(() => calls++, 200, c.clock);
    th.request();
    c.paint();
    c.advance(50);
    th.request();
    th.request();
    expect(c.frames()).toBe(0);
    expect(c.timers()).toBe(1);
    c.advance(149);
    expect(c.frames()).toBe(0);
    c.advance(1);
    c.paint();
    expect(calls).toBe(2);
  });

  it('cancel drops a pending call', () => {
    const c = fakeClock();
    let calls = 0;
    const th = new FrameThrottle(() => calls++, 200, c.clock);
    th.request();
    th.cancel();
    c.paint();
    expect(calls).toBe(0);
    th.request();
    c.paint();
    expect(calls).toBe(1);
  });
});
