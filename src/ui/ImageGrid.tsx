import { useEffect, useRef } from 'react';
import type { ImageGridPayload } from '../protocol';
import { gridImage } from './gridImage';
import { saveCanvas } from './saveFile';

/** Hands the grid a draw function; returns an unsubscribe. `null` clears the grid. */
export type GridSource = (draw: (grid: ImageGridPayload | null) => void) => () => void;

interface Props {
  source: GridSource;
  testId: string;
  label: string;
  placeholder: string;
}

function paint(canvas: HTMLCanvasElement, grid: ImageGridPayload | null): void {
  const frame = canvas.parentElement;
  if (!grid) {
    canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    if (frame) frame.dataset.empty = 'true';
    return;
  }
  const img = gridImage(grid);
  if (canvas.width !== img.width) canvas.width = img.width;
  if (canvas.height !== img.height) canvas.height = img.height;
  canvas.getContext('2d')?.putImageData(new ImageData(img.rgba, img.width, img.height), 0, 0);
  if (frame) frame.dataset.empty = 'false';
}

/**
 * A canvas drawn straight from worker events at the grid's own resolution and scaled up by CSS
 * with nearest-neighbour sampling; React renders it once and never for the pixels.
 */
export function ImageGrid({ source, testId, label, placeholder }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    return source((grid) => paint(canvas, grid));
  }, [source]);
  return (
    <div className="image-grid-block">
      <div className="image-grid" data-empty="true">
        <canvas ref={canvasRef} data-testid={testId} role="img" aria-label={label} width={239} height={239} />
        <p className="image-grid-placeholder">{placeholder}</p>
      </div>
      {/* Below the picture, never over it: a button on the grid hid its last tile. */}
      <div className="image-grid-actions">
        <button
          type="button"
          className="btn btn-small image-grid-save"
          title="Save this image grid as a PNG file"
          aria-label="Save image grid as PNG"
          onClick={() => canvasRef.current && saveCanvas(canvasRef.current, `${testId}.png`)}
        >
          PNG
        </button>
      </div>
    </div>
  );
}
