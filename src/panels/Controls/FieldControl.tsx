import { FIELDS } from '../../config/fields';
import { isShown, waitsForReset, type ControlField } from '../../store/experiment';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { experimentActions, useExperiment } from '../../ui/stores';
import { TextField } from '../../ui/TextField';

export const RESET_NOTE = 'takes effect after Reset';

/** The control FIELDS describes for one field; hidden where the config does not use it. */
export function FieldControl({ field }: { field: ControlField }) {
  const spec = FIELDS[field];
  const shown = useExperiment((s) => isShown(s.config, field));
  const value = useExperiment((s) => s.drafts[field]);
  const error = useExperiment((s) => s.fieldErrors[field]);
  const waits = useExperiment((s) => waitsForReset(s, field));
  if (!shown) return null;
  const props = {
    id: `field-${field}`,
    label: spec.label,
    hint: spec.hint,
    error,
    note: waits ? RESET_NOTE : undefined,
    value,
    onChange: (text: string) => experimentActions.setField(field, text),
  };
  switch (spec.kind) {
    case 'enum':
      return <SelectField {...props} options={spec.options} />;
    case 'int':
    case 'number':
      return <NumberField {...props} integer={spec.kind === 'int'} />;
    default:
      return <TextField {...props} />;
  }
}
