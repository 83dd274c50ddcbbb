import { useEffect, useRef, useState } from 'react';
import './drawLatent.css';
import { trainingStore } from '../../store/stores';
import { resolvedTheme } from '../../store/display';
import { plotColors } from '../../ui/plotTheme';
import { useDisplay } from '../../ui/useDisplay';
import { completionStore } from '../Completion/instance';
import { currentInput, drawing, drawStore } from '../Draw/drawStore';
import { CodeTracker, NEIGHBOURS, type Code, type Scatter } from './codeTracker';
import { looksLike } from './looksLike';
import { PlanePainter } from './paintPlane';

const SIZE = 240;

/**
 * Where the drawing lands in latent space: its code (what the amortized completion's encoder sees)
 * as a marker over the test codes, on the Explore scatter's plane, with the labels of its nearest
 * test codes. Follows every stroke while it is drawn.
 */
export function DrawLatent() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painter = useRef(new PlanePainter());
  const [shown, setShown] = useState<{ scatter: Scatter | null; code: Code | null; error: string | null }>({ scatter: null, code: null, error: null });
  const theme = useDisplay((d) => resolvedTheme(d));

  useEffect(() => {
    const tracker = new CodeTracker(
      () => ({ ...currentInput(), fill: completionStore.getState().fill }),
      () => trainingStore.getState().step,
      (scatter, code, error) => setShown({ scatter, code, error }),
    );
    tracker.changed();
    const offDrawing = drawing.subscribe(() => tracker.changed());
    // The region decides which pixels are known, so it moves the code too.
    const offRegion = drawStore.subscribe((s, p) => s.region !== p.region && tracker.changed());
    const offFill = completionStore.subscribe((s, p) => s.fill !== p.fill && tracker.changed());
    return () => {
      offDrawing();
      offRegion();
      offFill();
      tracker.dispose();
    };
  }, []);

  const { scatter, code, error } = shown;
  const [marker, setMarker] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !scatter) return;
    const c = plotColors();
    const dark = theme === 'dark';
    setMarker(painter.current.paint(canvas, SIZE, SIZE, scatter, code?.point ?? null, { text: c.text, grid: c.grid, marker: dark ? '#ffffff' : '#111111', ring: dark ? '#111111' : '#ffffff' }));
  }, [scatter, code, theme]);

  const looks = code ? looksLike(code.shares) : '';
  return (
    <div className="draw-latent" role="group" aria-labelledby="draw-latent-title">
      <h3 id="draw-latent-title">Where the drawing lands</h3>
      <p className="panel-note">
        The drawing's code (the encoder's mean, unknown pixels filled as the amortized completion fills them) over {scatter ? scatter.count : 'the'} test codes, coloured by label
        {scatter?.plane.axes === 'pca' ? ', on the Explore scatter’s two principal axes' : ''}.
      </p>
      <canvas
        ref={canvasRef}
        className="draw-latent-plane"
        data-testid="draw-latent-plane"
        data-point={code ? `${code.point[0]},${code.point[1]}` : ''}
        data-marker={marker ? `${marker.x.toFixed(1)},${marker.y.toFixed(1)}` : ''}
        style={{ width: SIZE, height: SIZE }}
        role="img"
        aria-label={code ? `The drawing's code at (${code.point[0].toFixed(2)}, ${code.point[1].toFixed(2)})` : 'Test codes; draw to place the drawing among them'}
      />
      <p className="draw-latent-looks" data-testid="draw-latent-looks" aria-live="polite">
        {error ? <span className="field-error">{error}</span> : code ? (looks ? `Looks like: ${looks}` : '') : scatter ? 'Draw a stroke to see where it lands.' : 'Waiting for the model…'}
      </p>
      {code ? <p className="panel-note">Shares among its {Math.min(NEIGHBOURS, code.count)} nearest test codes in the full {code.dim}-D latent space.</p> : null}
    </div>
  );
}
