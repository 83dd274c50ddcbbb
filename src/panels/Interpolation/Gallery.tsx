import { useState } from 'react';
import type { ImageGridPayload } from '../../protocol';
import { picksActions, usePicks, type Pick } from '../Explore/picks';
import { newSeed } from '../Explore/seed';
import { splitImages, Thumb } from '../Explore/Thumb';
import { useLiveAnalysis } from '../Explore/useLiveAnalysis';

export interface GalleryItem extends Pick {
  grid: ImageGridPayload;
}

const COUNT = 24;

/** Test images to pick from, as buttons: each click adds a pick; consecutive picks pair up. */
export function Gallery({ onItems }: { onItems(items: GalleryItem[]): void }) {
  const [items, setItems] = useState<GalleryItem[]>([]);
  const [seed, setSeed] = useState(7);
  const picks = usePicks((s) => s.picks);
  const live = useLiveAnalysis<'testImages'>({
    build: () => ({ kind: 'testImages', count: COUNT, seed }),
    onResult: (r) => {
      const grids = splitImages(r.pixels, r.count, r.shape);
      const next = grids.map((grid, i) => ({ index: r.indices[i], label: r.labels[i], grid }));
      setItems(next);
      onItems(next);
    },
    onClear: () => {
      setItems([]);
      onItems([]);
    },
    live: false,
    deps: [seed],
  });
  return (
    <div className="gallery" ref={(el) => void (live.sectionRef.current = el)}>
      <div className="gallery-head">
        <h3>Test images: click two to interpolate</h3>
        <button type="button" className="btn btn-small" onClick={() => setSeed(newSeed())}>
          Other images
        </button>
      </div>
      {items.length === 0 ? <p className="explore-step">{live.status.error ?? 'Test images appear once a model exists.'}</p> : null}
      <div className="gallery-grid" role="group" aria-label="Test images to pick">
        {items.map((it) => {
          const n = picks.filter((p) => p.index === it.index).length;
          return (
            <button
              key={it.index}
              type="button"
              className="gallery-item"
              aria-pressed={n > 0}
              aria-label={`Test image ${it.index}, a ${it.label}`}
              data-testid={`gallery-${it.index}`}
              onClick={() => picksActions.add({ index: it.index, label: it.label })}
            >
              <Thumb grid={it.grid} />
            </button>
          );
        })}
      </div>
    </div>
  );
}
