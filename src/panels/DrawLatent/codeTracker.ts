import type { AnalysisResultOf, LatentPlane } from '../../protocol';
import { isCancelled, request } from '../../store/trainer';

/** Test codes shown under the marker, and the neighbours searched among. */
export const SCATTER_LIMIT = 1000;
export const NEIGHBOURS = 25;
/** A request still unanswered after this long is stale: cancelled and sent again with the newest drawing. */
const STALE_MS = 150;

export type Scatter = AnalysisResultOf<'latentScatter'> & { step: number };
export type Code = AnalysisResultOf<'drawingCode'>;
export interface Input {
  pixels: Float32Array;
  mask: Uint8Array;
  fill: 'zeros' | 'mean';
}

/**
 * Keeps the drawing's code current while strokes go on: at most one request per animation frame,
 * at most one in flight; one that takes too long (the worker is busy training) is aborted and
 * replaced by one for the latest drawing. The test-code scatter is fetched again when the model
 * has trained since.
 */
export class CodeTracker {
  private scatter: Scatter | null = null;
  private scatterLoading: Promise<Scatter | null> | null = null;
  private inFlight: { abort: AbortController; since: number } | null = null;
  private dirty = false;
  private frame = 0;
  private disposed = false;

  constructor(
    private readonly input: () => Input,
    private readonly step: () => number,
    private readonly show: (scatter: Scatter | null, code: Code | null, error: string | null) => void,
  ) {}

  /** The drawing changed: schedule a request for the next frame. */
  changed(): void {
    this.dirty = true;
    if (!this.frame && !this.disposed) this.frame = requestAnimationFrame(() => void this.tick());
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.inFlight?.abort.abort();
  }

  private async loadScatter(): Promise<Scatter | null> {
    const step = this.step();
    if (this.scatter && this.scatter.step === step) return this.scatter;
    this.scatterLoading ??= request('analyze', { kind: 'latentScatter', limit: SCATTER_LIMIT, previousAxes: this.scatter?.plane.components })
      .then((r) => (this.scatter = { ...r, step }))
      .finally(() => (this.scatterLoading = null));
    return this.scatterLoading;
  }

  private async tick(): Promise<void> {
    this.frame = 0;
    if (!this.dirty || this.disposed) return;
    if (this.inFlight) {
      if (performance.now() - this.inFlight.since < STALE_MS) return; // its answer comes first; changed() again after
      this.inFlight.abort.abort();
    }
    this.dirty = false;
    const abort = new AbortController();
    const mine = { abort, since: performance.now() };
    this.inFlight = mine;
    try {
      const scatter = await this.loadScatter();
      if (!scatter || abort.signal.aborted) return;
      const { pixels, mask, fill } = this.input();
      if (!pixels.some((v) => v > 0)) {
        this.show(scatter, null, null);
        return;
      }
      const plane: LatentPlane = scatter.plane;
      const code = await request('analyze', { kind: 'drawingCode', pixels, mask, fill, plane, limit: SCATTER_LIMIT, neighbours: NEIGHBOURS }, { signal: abort.signal });
      if (!this.disposed) this.show(scatter, code, null);
    } catch (err) {
      if (!isCancelled(err) && !this.disposed) this.show(this.scatter, null, err instanceof Error ? err.message : String(err));
    } finally {
      if (this.inFlight === mine) this.inFlight = null;
      if (this.dirty) this.changed();
    }
  }
}
