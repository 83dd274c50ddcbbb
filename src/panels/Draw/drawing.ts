import { boxDownsample, mnistNormalize, upsampleNearest } from './downsample';
import { raster, scalePt, stampSegment, type BrushMode, type Pt, type Raster } from './raster';

/** The model's input is SIZE×SIZE; strokes are drawn FINE times finer and area-averaged down. */
export const SIZE = 28;
export const FINE = 4;

export type Layer = 'ink' | 'mask';

type Action =
  | { type: 'stroke'; layer: Layer; mode: BrushMode; radius: number; points: Pt[] }
  | { type: 'base'; pixels: Float32Array }
  | { type: 'clear'; layer: Layer };

/**
 * A drawing and a painted mask as a list of actions (strokes in model pixels, a test image as
 * a base, clears), so undo is dropping the last action and replaying. The fine rasters are kept
 * up to date stroke by stroke while drawing. No DOM: the canvas component only forwards points.
 */
export class Drawing {
  private actions: Action[] = [];
  private current: Extract<Action, { type: 'stroke' }> | null = null;
  readonly ink: Raster = raster(SIZE * FINE, SIZE * FINE);
  readonly mask: Raster = raster(SIZE * FINE, SIZE * FINE);
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, so a caller can tell a stale result from a fresh one. */
  version = 0;

  /** radius in model pixels; p in model pixels. */
  begin(layer: Layer, mode: BrushMode, radius: number, p: Pt): void {
    this.current = { type: 'stroke', layer, mode, radius, points: [p] };
    this.actions.push(this.current);
    this.paint(this.current, -1);
    this.changed();
  }

  extend(p: Pt): void {
    const s = this.current;
    if (!s) return;
    s.points.push(p);
    this.paint(s, s.points.length - 2);
    this.changed();
  }

  end(): void {
    this.current = null;
  }

  get drawing(): boolean {
    return this.current !== null;
  }

  /** Replaces the ink with a SIZE×SIZE image (values in [0, 1]), e.g. a test digit. */
  setBase(pixels: Float32Array): void {
    if (pixels.length !== SIZE * SIZE) throw new Error(`an image of ${SIZE}×${SIZE} = ${SIZE * SIZE} pixels is needed, got ${pixels.length}`);
    this.push({ type: 'base', pixels: pixels.slice() });
  }

  clear(layer: Layer): void {
    this.push({ type: 'clear', layer });
  }

  get canUndo(): boolean {
    return this.actions.length > 0;
  }

  undo(): void {
    if (!this.actions.length) return;
    this.current = null;
    this.actions.pop();
    this.ink.data.fill(0);
    this.mask.data.fill(0);
    for (const a of this.actions) this.apply(a);
    this.changed();
  }

  /** What the model sees: the ink area-averaged to SIZE×SIZE, or MNIST-normalised (fit 20×20, centre of mass at the middle). */
  modelInput(centre: boolean): Raster {
    return centre ? mnistNormalize(this.ink, SIZE, 20) : boxDownsample(this.ink, FINE);
  }

  /** The painted mask at the model's resolution: fraction of each pixel painted. */
  paintedMask(): Raster {
    return boxDownsample(this.mask, FINE);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private push(a: Action): void {
    this.current = null;
    this.actions.push(a);
    this.apply(a);
    this.changed();
  }

  private apply(a: Action): void {
    if (a.type === 'clear') (a.layer === 'ink' ? this.ink : this.mask).data.fill(0);
    else if (a.type === 'base') this.ink.data.set(upsampleNearest({ width: SIZE, height: SIZE, data: a.pixels }, FINE).data);
    else for (let i = 0; i < a.points.length; i++) this.paint(a, i - 1);
  }

  /** Stamps the segment from point `from` to the next one (a dot when from < 0). */
  private paint(s: Extract<Action, { type: 'stroke' }>, from: number): void {
    const b = scalePt(s.points[Math.max(0, from + 1)], FINE);
    const a = from < 0 ? b : scalePt(s.points[from], FINE);
    stampSegment(s.layer === 'ink' ? this.ink : this.mask, a, b, s.radius * FINE, s.mode);
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}
