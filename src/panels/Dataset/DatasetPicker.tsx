import { useState } from 'react';
import { checkShapesSpec, DEFAULT_SHAPES, parseShapesId, shapesId, type ShapesSpec } from '../../data/shapes';
import { useExperiment } from '../../ui/stores';
import { selectDataset, useCatalog } from './catalogStore';
import { ShapesOptions } from './ShapesOptions';

const ORIGIN_NOTE = { builtin: '', procedural: 'generated', upload: 'your images', url: 'from a URL' } as const;

/** One radio per dataset; shapes carry their own size, count and seed. */
export function DatasetPicker() {
  const items = useCatalog((s) => s.items);
  const loaded = useCatalog((s) => s.loaded);
  const manifestError = useCatalog((s) => s.manifestError);
  const selected = useExperiment((s) => s.config.dataset);
  const selectedShapes = safeShapes(selected);
  const [shapes, setShapes] = useState<ShapesSpec>(selectedShapes ?? DEFAULT_SHAPES);
  const current = selectedShapes ? 'shapes' : selected;
  const known = items.some((i) => (i.origin === 'procedural' ? 'shapes' : i.id) === current);
  return (
    <fieldset className="dataset-picker">
      <legend className="visually-hidden">Dataset</legend>
      {!loaded ? <p className="field-hint">Looking up datasets…</p> : null}
      {manifestError ? (
        <p className="field-error" role="alert">
          The built-in datasets could not be listed: {manifestError}
        </p>
      ) : null}
      {loaded && !known ? (
        <p className="field-error" role="alert">
          The dataset “{selected}” is not available in this browser; choose another.
        </p>
      ) : null}
      {items.map((item) => {
        const key = item.origin === 'procedural' ? 'shapes' : item.id;
        const [h, w, c] = item.shape;
        const note = ORIGIN_NOTE[item.origin];
        return (
          <div key={key} className="dataset-option">
            <input
              type="radio"
              name="dataset"
              id={`dataset-${key}`}
              value={key}
              checked={current === key}
              aria-describedby={`dataset-${key}-facts`}
              onChange={() => selectDataset(item.origin === 'procedural' ? shapesId(shapes) : item.id)}
            />
            <label htmlFor={`dataset-${key}`}>{item.name}</label>
            <span id={`dataset-${key}-facts`} className="dataset-facts">
              {item.counts.train.toLocaleString('en')} train · {item.counts.test.toLocaleString('en')} test · {h}×{w}
              {c === 3 ? ' RGB' : ''}
              {note ? ` · ${note}` : ''}
            </span>
          </div>
        );
      })}
      {current === 'shapes' ? (
        <ShapesOptions
          spec={shapes}
          onChange={(s) => {
            setShapes(s);
            if (!checkShapesSpec(s)) selectDataset(shapesId(s));
          }}
        />
      ) : null}
    </fieldset>
  );
}

function safeShapes(id: string): ShapesSpec | null {
  try {
    return parseShapesId(id);
  } catch {
    return null;
  }
}
