import { paramCount } from '../../config/paramCount';
import { useExperiment } from '../../ui/stores';

function count(config: Parameters<typeof paramCount>[0]): number | null {
  try {
    return paramCount(config);
  } catch {
    // A config the model builder would refuse: the worker reports why when training starts.
    return null;
  }
}

/** The model's size, known before TensorFlow.js loads, so widths can be tuned before training. */
export function ParamCount() {
  const n = useExperiment((s) => count(s.config));
  return (
    <p className="param-count" data-testid="param-count" title="Trainable weights and biases of the encoder and decoder">
      Parameters: <strong>{n === null ? '—' : n.toLocaleString('en')}</strong>
    </p>
  );
}
