import { useEffect, useRef } from 'react';
import { SIZE } from './drawing';
import { currentInput, drawStore } from './drawStore';
import { greyRgba, hatchOverlay } from './hatch';

/** What the model will be shown: the drawing at 28×28 (centred if asked), unknown pixels hatched. */
export function ModelInput() {
  const imgRef = useRef<HTMLCanvasElement>(null);
  const hatchRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let frame = 0;
    const paint = () => {
      frame = 0;
      const { pixels, mask } = currentInput();
      imgRef.current?.getContext('2d')?.putImageData(new ImageData(greyRgba({ width: SIZE, height: SIZE, data: pixels }), SIZE, SIZE), 0, 0);
      hatchRef.current?.getContext('2d')?.putImageData(new ImageData(hatchOverlay(SIZE, SIZE, mask, 1, 4), SIZE, SIZE), 0, 0);
    };
    paint();
    // Every stroke and setting changes the store (version mirrors the strokes); one paint per frame.
    const off = drawStore.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(paint);
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <figure className="model-input">
      <div className="stacked-canvas">
        <canvas ref={imgRef} width={SIZE} height={SIZE} data-testid="model-input" role="img" aria-label="The model's 28×28 input" />
        <canvas ref={hatchRef} width={SIZE} height={SIZE} aria-hidden="true" />
      </div>
      <figcaption>Model input, 28×28</figcaption>
    </figure>
  );
}
