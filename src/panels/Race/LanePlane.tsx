import { useEffect, useRef } from 'react';
import { resolvedTheme } from '../../store/display';
import { plotColors } from '../../ui/plotTheme';
import { useDisplay } from '../../ui/useDisplay';
import type { Scatter } from '../DrawLatent/codeTracker';
import { PlanePainter } from '../DrawLatent/paintPlane';

/**
 * A lane's latent plane: its test codes coloured by label, drawn as the Draw view's small plane
 * draws them, at the width the layout gives it (square).
 */
export function LanePlane({ lane, scatter }: { lane: 0 | 1; scatter: Scatter | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painter = useRef(new PlanePainter());
  const theme = useDisplay((d) => resolvedTheme(d));
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const paint = () => {
      const size = Math.max(60, Math.round(canvas.clientWidth));
      if (!scatter) return void canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      const c = plotColors();
      painter.current.paint(canvas, size, size, scatter, null, { text: c.text, grid: c.grid, marker: c.text, ring: c.grid });
    };
    paint();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(paint);
    observer?.observe(canvas);
    return () => observer?.disconnect();
  }, [scatter, theme]);
  const what = scatter ? (scatter.plane.axes === 'pca' ? `the first two principal axes of ${scatter.dim}-D codes` : 'the 2-D latent plane') : '';
  return (
    <figure className="race-plane" data-empty={scatter ? 'false' : 'true'}>
      <canvas
        ref={canvasRef}
        data-testid={`race-scatter-${lane}`}
        data-step={scatter?.step ?? ''}
        role="img"
        aria-label={scatter ? `${scatter.count} test codes on ${what}, coloured by label` : 'Test codes appear once the model has trained'}
      />
      <figcaption title={scatter ? `Posterior means of ${scatter.count} test images on ${what}` : undefined}>{scatter?.plane.axes === 'pca' ? 'Latent, PCA' : 'Latent codes'}</figcaption>
    </figure>
  );
}
