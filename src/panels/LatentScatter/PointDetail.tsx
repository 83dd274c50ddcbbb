import { useEffect, useState } from 'react';
import type { LatentPlane } from '../../protocol';
import { request } from '../../store/trainer';
import { ImageGrid } from '../../ui/ImageGrid';
import { GridFeed } from '../Explore/GridFeed';
import { LatestOnly } from '../Explore/LatestOnly';
import { picksActions } from '../Explore/picks';
import { planeToLatent } from './plane';
import { plainError } from '../../plainError';

export type DetailTarget =
  | { kind: 'point'; index: number; label: number; pinned: boolean }
  | { kind: 'place'; u: number; v: number; plane: LatentPlane };

/** What is under the pointer: a test image and its reconstruction, or the image decoded at a spot. */
export function PointDetail({ target, onUnpin }: { target: DetailTarget | null; onUnpin(): void }) {
  const [feed] = useState(() => new GridFeed());
  const [queue] = useState(() => new LatestOnly());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) {
      feed.show(null);
      return;
    }
    queue.run(async () => {
      const answer =
        target.kind === 'point'
          ? request('analyze', { kind: 'reconstruct', select: { by: 'indices', indices: [target.index] }, latent: 'mean', seed: 1 })
          : request('analyze', { kind: 'decodeLatents', latents: planeToLatent(target.plane, target.u, target.v), count: 1, output: 'mean', seed: 1 });
      try {
        const r = await answer;
        feed.show(r.grid);
        setError(null);
      } catch (err) {
        setError(plainError(err));
      }
    });
  }, [target, feed, queue]);

  const caption = !target
    ? 'Hover over a point.'
    : target.kind === 'point'
      ? `Test image ${target.index} (a ${target.label}) and its reconstruction`
      : `Decoded at (${target.u.toFixed(2)}, ${target.v.toFixed(2)})${target.plane.axes === 'pca' ? ' on the principal plane' : ''}`;
  return (
    <div className="point-detail" data-testid="point-detail">
      <p className="point-caption" data-testid="point-caption" aria-live="polite">
        {caption}
      </p>
      <ImageGrid source={feed.source} testId="point-images" label={caption} placeholder="—" />
      {error ? <p className="explore-message">{error}</p> : null}
      {target?.kind === 'point' ? (
        <div className="point-actions">
          <button type="button" className="btn btn-small" onClick={() => picksActions.add({ index: target.index, label: target.label })}>
            Pick for interpolation
          </button>
          {target.pinned ? (
            <button type="button" className="btn btn-small btn-quiet" onClick={onUnpin}>
              Unpin
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
