import { useEffect, useRef } from 'react';
import { gridImage } from '../../ui/gridImage';

interface Props {
  /** `count` images of width×height values in [0, 1], one after another; null shows the placeholder. */
  pixels: Float32Array | null;
  count?: number;
  cols?: number;
  width?: number;
  height?: number;
  testId: string;
  label: string;
  placeholder: string;
  className?: string;
}

/** Grey images from float pixels, at their own resolution, scaled up by CSS without smoothing. */
export function FloatImages({ pixels, count = 1, cols = count, width = 28, height = 28, testId, label, placeholder, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (!pixels || count === 0) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const img = gridImage({ count, cols, width, height, channels: 1, pixels: Uint8ClampedArray.from(pixels, (v) => v * 255) });
    if (canvas.width !== img.width) canvas.width = img.width;
    if (canvas.height !== img.height) canvas.height = img.height;
    ctx.putImageData(new ImageData(img.rgba, img.width, img.height), 0, 0);
  }, [pixels, count, cols, width, height]);
  return (
    <div className={`float-images ${className ?? ''}`} data-empty={pixels ? 'false' : 'true'}>
      <canvas ref={ref} data-testid={testId} role="img" aria-label={label} width={width} height={height} />
      <p className="float-images-placeholder">{placeholder}</p>
    </div>
  );
}
