import { useState } from 'react';
import { useStore } from 'zustand';
import { request } from '../../store/trainer';
import { SelectField } from '../../ui/SelectField';
import { SIZE } from './drawing';
import { drawing, drawStore } from './drawStore';
import { plainError } from '../../plainError';

const LABELS = [{ value: 'any', label: 'Any digit' }, ...Array.from({ length: 10 }, (_, d) => ({ value: String(d), label: `A ${d}` }))];
let draws = 0;

/** Starts the drawing from a random test image (of one class if chosen), fetched from the worker. */
export function TestImagePicker({ onLoaded }: { onLoaded(): void }) {
  const [label, setLabel] = useState('any');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = useStore(drawStore, (s) => s.base);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await request('analyze', { kind: 'testImages', count: 1, seed: (Date.now() % 1_000_000) + ++draws, ...(label === 'any' ? {} : { label: Number(label) }) });
      const [h, w] = r.shape;
      if (h !== SIZE || w !== SIZE || r.shape[2] !== 1) throw new Error(`This view draws ${SIZE}×${SIZE} grey images; the dataset's are ${h}×${w}×${r.shape[2]}.`);
      drawing.setBase(r.pixels.subarray(0, SIZE * SIZE));
      drawStore.setState({ base: `Test image #${r.indices[0]} (a ${r.labels[0]})` });
      onLoaded();
    } catch (err) {
      setError(plainError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="test-image-picker">
      <SelectField id="draw-test-label" label="Start from a test image" value={label} options={LABELS} onChange={setLabel} />
      <button type="button" className="btn" disabled={busy} onClick={load}>
        Load test image
      </button>
      {base ? <p className="panel-note" data-testid="draw-base">{base}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
