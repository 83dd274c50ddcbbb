import { useMemo } from 'react';
import type { CatalogItem } from '../../data/catalog';
import { parseShapesId } from '../../data/shapes';
import { shapesItem } from '../../data/catalog';
import type { ImageGridPayload } from '../../protocol';
import { ImageGrid, type GridSource } from '../../ui/ImageGrid';
import { useExperiment } from '../../ui/stores';
import { useCatalog } from './catalogStore';

/** The selected dataset before training: example images, images per class, and credit. */
export function DatasetDetails() {
  const id = useExperiment((s) => s.config.dataset);
  const items = useCatalog((s) => s.items);
  const item = useMemo(() => findItem(items, id), [items, id]);
  const source = useMemo(() => (item ? previewSource(item) : null), [item]);
  if (!item || !source) return null;
  const counts = item.classCounts;
  return (
    <div className="dataset-details">
      <ImageGrid source={source} testId="dataset-preview" label={`Example images from ${item.name}`} placeholder="Loading examples…" />
      {counts ? (
        // Scrolls on narrow screens: focusable and named, so a keyboard can scroll it too.
        <div className="class-counts" tabIndex={0} role="region" aria-label="Images per class">
          <table>
            <caption>Images per class</caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  Train
                </th>
                <th scope="col" className="num">
                  Test
                </th>
              </tr>
            </thead>
            <tbody>
              {item.classes.map((c, k) => (
                <tr key={k}>
                  <th scope="row">{c}</th>
                  <td className="num">{counts.train[k]?.toLocaleString('en')}</td>
                  <td className="num">{counts.test[k]?.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="dataset-credit">
        {item.attribution}
        {item.license && !item.attribution.includes(item.license) ? ` (${item.license})` : ''}
      </p>
    </div>
  );
}

function findItem(items: CatalogItem[], id: string): CatalogItem | null {
  let shapes = null;
  try {
    shapes = parseShapesId(id);
  } catch {
    return null;
  }
  if (shapes) return shapesItem(shapes);
  return items.find((i) => i.id === id) ?? null;
}

/** Draws the item's preview once loaded: one row per example, one column per class. */
function previewSource(item: CatalogItem): GridSource {
  return (draw) => {
    let live = true;
    item
      .preview()
      .then((p) => {
        if (!live || !p || p.labels.length === 0) return;
        const [height, width, channels] = item.shape;
        const grid: ImageGridPayload = {
          count: p.labels.length,
          cols: Math.min(p.labels.length, item.classes.length, 12),
          width,
          height,
          channels: channels as 1 | 3,
          pixels: new Uint8ClampedArray(p.images),
        };
        draw(grid);
      })
      .catch(() => undefined); // no preview is not an error: the list and counts still show
    return () => {
      live = false;
    };
  };
}
