import type { ImageGridPayload } from '../../protocol';
import type { GridSource } from '../../ui/ImageGrid';
import { measure } from './measure';

/**
 * Holds the latest image grid of a panel and hands it to an ImageGrid canvas, so pixels go from
 * a worker result to the canvas without passing through React state.
 */
export class GridFeed {
  private grid: ImageGridPayload | null = null;
  private readonly draws = new Set<(grid: ImageGridPayload | null) => void>();

  /** Stable, as ImageGrid subscribes again whenever its source changes. */
  readonly source: GridSource = (draw) => {
    this.draws.add(draw);
    draw(this.grid);
    return () => {
      this.draws.delete(draw);
    };
  };

  get current(): ImageGridPayload | null {
    return this.grid;
  }

  show(grid: ImageGridPayload | null): void {
    const started = performance.now();
    this.grid = grid;
    for (const d of this.draws) d(grid);
    measure('explore:paint', started);
  }
}
