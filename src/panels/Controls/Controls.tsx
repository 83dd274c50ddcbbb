import { FIELD_LABELS } from '../../config/validate';
import type { EditableField } from '../../store/experiment';
import { NumberField } from '../../ui/NumberField';
import { experimentActions, useExperiment } from '../../ui/stores';
import { TextField } from '../../ui/TextField';

interface FieldSpec {
  field: EditableField;
  hint?: string;
  integer?: boolean;
}

const MODEL: FieldSpec[] = [
  { field: 'latentDim', integer: true, hint: '2 to 128; 2 can be plotted as a map.' },
  { field: 'hidden', hint: 'One width per layer, e.g. "400" or "60, 32".' },
];
const TRAINING: FieldSpec[] = [
  { field: 'batchSize', integer: true },
  { field: 'learningRate', hint: 'Adam step size, e.g. 0.001.' },
  { field: 'epochs', integer: true },
  { field: 'seed', integer: true, hint: 'Same seed, same run.' },
];

function Field({ field, hint, integer }: FieldSpec) {
  const value = useExperiment((s) => s.drafts[field]);
  const error = useExperiment((s) => s.fieldErrors[field]);
  const props = { id: `field-${field}`, label: FIELD_LABELS[field], value, error, hint, onChange: (t: string) => experimentActions.setField(field, t) };
  return field === 'hidden' ? <TextField {...props} /> : <NumberField {...props} integer={integer} />;
}

/** The experiment's settings; a refused value keeps the last valid config in effect. */
export function Controls() {
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset>
        <legend>Model</legend>
        {MODEL.map((f) => (
          <Field key={f.field} {...f} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        {TRAINING.map((f) => (
          <Field key={f.field} {...f} />
        ))}
      </fieldset>
    </form>
  );
}
