import { paramCount } from '../../config/paramCount';
import { useExperiment } from '../../ui/stores';
import { shapeOf, useCatalog } from '../Dataset/catalogStore';

type Config = Parameters<typeof paramCount>[0];

function count(config: Config, shape: [number, number, number]): number | null {
  try {
    return paramCount(config, shape);
  } catch {
    // A config the model builder would refuse: the worker reports why when training starts.
    return null;
  }
}

/** The model's size, known before TensorFlow.js loads, so widths can be tuned before training. */
export function ParamCount() {
  const config = useExperiment((s) => s.config);
  // Select the list itself (a stable reference), not a freshly built shape array.
  const items = useCatalog((s) => s.items);
  const shape = shapeOf(items, config.dataset) ?? [28, 28, 1];
  const n = count(config, shape);
  return (
    <p className="param-count" data-testid="param-count" title="Trainable weights and biases of the encoder and decoder">
      Parameters: <strong>{n === null ? '—' : n.toLocaleString('en')}</strong>
    </p>
  );
}
