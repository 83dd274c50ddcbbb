import { useEffect, useRef } from 'react';
import type { ImageGridPayload } from '../../protocol';
import { gridImage } from '../../ui/gridImage';

/** One small image on a canvas at its own resolution (CSS scales it up, pixelated). */
export function Thumb({ grid, testId }: { grid: ImageGridPayload; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const img = gridImage(grid);
    canvas.width = img.width;
    canvas.height = img.height;
    canvas.getContext('2d')?.putImageData(new ImageData(img.rgba, img.width, img.height), 0, 0);
  }, [grid]);
  return <canvas ref={ref} className="thumb" data-testid={testId} aria-hidden="true" />;
}

/** Images in [0, 1], D = h·w·c values each, as one-image grids. */
export function splitImages(pixels: Float32Array, count: number, shape: [number, number, number]): ImageGridPayload[] {
  const [height, width, channels] = shape;
  const size = height * width * channels;
  return Array.from({ length: count }, (_, i) => ({
    count: 1,
    cols: 1,
    width,
    height,
    channels: channels as 1 | 3,
    pixels: Uint8ClampedArray.from(pixels.subarray(i * size, (i + 1) * size), (v) => v * 255),
  }));
}
