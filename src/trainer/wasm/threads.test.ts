import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { useTestBackend } from '../testing/tfSetup';
import { share, splitForTesting } from './pool';
import { checkThreads } from './threadCheck';

beforeAll(useTestBackend);
afterEach(() => splitForTesting(1));

// Node's tfjs runs its single-threaded WASM build (no shared memory), so here each kernel is split
// as it would be for n threads and the parts run one after another: this checks the splitting
// (every output row, image and weight covered once, none twice); e2e/threads.spec.ts runs the
// same check on real threads in Chromium.
describe('kernels split over threads', () => {
  it.each([2, 3, 5])('give bit-for-bit the one-thread results when split %i ways', (n) => {
    splitForTesting(n);
    const before = tf.memory().numTensors;
    const r = checkThreads();
    expect(r.threads).toBe(n);
    expect(r.compared).toHaveLength(13);
    expect(r.differing).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('share cuts n items into contiguous runs that cover each once', () => {
    for (const [n, parts] of [[0, 3], [1, 4], [50, 2], [21, 5], [98, 7]]) {
      const runs = Array.from({ length: parts }, (_, t) => share(n, parts, t));
      expect(runs[0][0]).toBe(0);
      expect(runs[parts - 1][1]).toBe(n);
      runs.slice(1).forEach(([from], t) => expect(from).toBe(runs[t][1]));
      const sizes = runs.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
