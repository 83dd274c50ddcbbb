import type { AnalysisResultOf, ImageGridPayload } from '../../protocol';

/** Frame t of a chain result as an image grid; a view into the frames, not a copy. */
export function frameGrid(chain: AnalysisResultOf<'limitingChain'>, t: number): ImageGridPayload {
  const { count, width, height, channels } = chain.grid;
  const size = count * width * height * channels;
  const i = Math.max(0, Math.min(chain.frameCount - 1, t));
  return { ...chain.grid, pixels: chain.frames.subarray(i * size, (i + 1) * size) };
}
