import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '../tf';
import { configureWasmThreads, refusesThreadedBuild } from './threads';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';

afterEach(() => vi.unstubAllGlobals());

describe("tfjs's threaded WASM build", () => {
  it('is refused in Firefox only', () => {
    expect(refusesThreadedBuild(FIREFOX)).toBe(true);
    expect(refusesThreadedBuild(CHROMIUM)).toBe(false);
    expect(refusesThreadedBuild('')).toBe(false);
  });

  it('is asked for on an isolated page, except in Firefox', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('Worker', class {});
    for (const [ua, threaded] of [[CHROMIUM, true], [FIREFOX, false]] as const) {
      vi.stubGlobal('navigator', { userAgent: ua, hardwareConcurrency: 2 });
      configureWasmThreads();
      expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(threaded);
    }
  });
});
