import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import './draw.css';
import { useStore } from 'zustand';
import { FINE, SIZE } from './drawing';
import { currentMask, drawing, drawStore } from './drawStore';
import { greyRgba, hatchOverlay } from './hatch';
import type { Pt } from './raster';

const PX = SIZE * FINE;
/** Hatch stripes every 8 fine pixels: two per model pixel. */
const HATCH_PERIOD = 8;

interface Props {
  /** A stroke is starting: whatever ran on the old drawing is stale. */
  onStrokeStart(): void;
  onStrokeEnd(): void;
}

/**
 * The big drawing surface: pointer events (mouse, touch, pen) in model pixels to `drawing`,
 * which rasterises FINE× finer than the model's input. Two stacked canvases at that resolution,
 * scaled up by CSS: the ink, and a hatching layer over the unknown pixels.
 */
export function DrawCanvas({ onStrokeStart, onStrokeEnd }: Props) {
  const inkRef = useRef<HTMLCanvasElement>(null);
  const hatchRef = useRef<HTMLCanvasElement>(null);
  // Only what changes the hatching: the region, the rectangle, and for a painted mask the strokes.
  const maskKey = useStore(drawStore, (s) => (s.region === 'painted' ? `painted:${s.version}` : `${s.region}:${Object.values(s.rectText).join(',')}`));

  useEffect(() => {
    let frame = 0;
    const paint = () => {
      frame = 0;
      inkRef.current?.getContext('2d')?.putImageData(new ImageData(greyRgba(drawing.ink), PX, PX), 0, 0);
    };
    const request = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    paint();
    const off = drawing.subscribe(request);
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  useEffect(() => {
    const layer = hatchOverlay(PX, PX, currentMask(), FINE, HATCH_PERIOD);
    hatchRef.current?.getContext('2d')?.putImageData(new ImageData(layer, PX, PX), 0, 0);
  }, [maskKey]);

  /** Client coordinates to model pixels, whatever size CSS gives the canvas. */
  const toModel = (el: HTMLElement, p: { clientX: number; clientY: number }): Pt => {
    const box = el.getBoundingClientRect();
    return { x: ((p.clientX - box.left) / box.width) * SIZE, y: ((p.clientY - box.top) / box.height) * SIZE };
  };

  // One stroke at a time: a second finger on the canvas neither starts nor bends a stroke.
  const pointer = useRef<number | null>(null);
  const down = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if ((e.button !== 0 && e.pointerType === 'mouse') || drawing.drawing) return;
    pointer.current = e.pointerId;
    e.preventDefault();
    try {
      // Keeps the stroke going when the pointer leaves the canvas mid-stroke.
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic or already-released pointer cannot be captured; the stroke still works.
    }
    const { tool, brush, region, paintMask } = drawStore.getState();
    const layer = region === 'painted' && paintMask ? 'mask' : 'ink';
    onStrokeStart();
    drawing.begin(layer, tool === 'eraser' ? 'erase' : 'ink', brush / 2, toModel(e.currentTarget, e));
  };
  const move = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!drawing.drawing || e.pointerId !== pointer.current) return;
    // Coalesced events keep fast strokes smooth where the browser batches pointer moves.
    const native = e.nativeEvent;
    const events = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    for (const p of events.length ? events : [native]) drawing.extend(toModel(e.currentTarget, p));
  };
  const up = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!drawing.drawing || e.pointerId !== pointer.current) return;
    pointer.current = null;
    drawing.end();
    onStrokeEnd();
  };

  return (
    <div className="draw-surface">
      <canvas ref={inkRef} width={PX} height={PX} className="draw-ink" data-testid="draw-canvas-ink" aria-hidden="true" />
      <canvas
        ref={hatchRef}
        width={PX}
        height={PX}
        className="draw-hatch"
        data-testid="draw-canvas"
        role="img"
        aria-label="Drawing area: draw a digit with the mouse, a finger or a pen. Hatched pixels are unknown to the model."
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onLostPointerCapture={up}
      />
    </div>
  );
}
