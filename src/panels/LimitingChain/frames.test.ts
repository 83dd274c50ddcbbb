import { describe, expect, it } from 'vitest';
import { frameGrid } from './frames';

describe('frameGrid', () => {
  it('returns frame t of the chain, clamped to the frames there are', () => {
    const frames = Uint8ClampedArray.from({ length: 3 * 2 * 4 }, (_, i) => Math.floor(i / 8));
    const chain = { kind: 'limitingChain' as const, frames, frameCount: 3, grid: { count: 2, cols: 2, width: 2, height: 2, channels: 1 as const } };
    expect(Array.from(frameGrid(chain, 1).pixels)).toEqual(new Array(8).fill(1));
    expect(Array.from(frameGrid(chain, 9).pixels)).toEqual(new Array(8).fill(2));
    expect(frameGrid(chain, 0).count).toBe(2);
  });
});
