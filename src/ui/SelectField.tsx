import { FieldShell, type FieldShellProps } from './FieldShell';

interface Props extends FieldShellProps {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

/** A labelled <select> with the same help text, note and error layout as TextField. */
export function SelectField({ value, options, onChange, ...shell }: Props) {
  return (
    <FieldShell {...shell}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
