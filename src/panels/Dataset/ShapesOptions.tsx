import { useState } from 'react';
import { checkShapesSpec, SHAPES_LIMITS, type ShapesSpec } from '../../data/shapes';
import { NumberField } from '../../ui/NumberField';

type Key = keyof ShapesSpec;
const LABELS: Record<Key, string> = { size: 'Shape image size (px)', count: 'Shape training images', seed: 'Shape seed' };
const HINTS: Record<Key, string> = {
  size: `Width and height, ${SHAPES_LIMITS.minSize} to ${SHAPES_LIMITS.maxSize} pixels.`,
  count: 'The test split gets a sixth as many. Drawn in the worker when training starts.',
  seed: 'The same seed draws the same shapes on every machine.',
};

/** Size, count and seed of the procedural shapes; a bad value is named and not applied. */
export function ShapesOptions({ spec, onChange }: { spec: ShapesSpec; onChange(s: ShapesSpec): void }) {
  const [text, setText] = useState<Record<Key, string>>({ size: String(spec.size), count: String(spec.count), seed: String(spec.seed) });
  const [error, setError] = useState<string | null>(null);
  const edit = (key: Key, value: string) => {
    const next = { ...text, [key]: value };
    setText(next);
    const s = { size: Number(next.size), count: Number(next.count), seed: Number(next.seed) };
    const problem = Object.values(next).some((v) => v.trim() === '') ? 'Every shapes setting needs a number.' : checkShapesSpec(s);
    setError(problem ? `Shapes: ${problem}.` : null);
    if (!problem) onChange(s);
  };
  return (
    <div className="shapes-options">
      {(Object.keys(LABELS) as Key[]).map((k) => (
        <NumberField key={k} id={`shapes-${k}`} label={LABELS[k]} hint={HINTS[k]} integer value={text[k]} onChange={(v) => edit(k, v)} />
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
