import { TextField } from './TextField';

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  /** Whole numbers get a numeric keypad on phones; others a decimal one. */
  integer?: boolean;
  onChange(text: string): void;
}

export function NumberField({ integer, ...rest }: Props) {
  return <TextField {...rest} inputMode={integer ? 'numeric' : 'decimal'} />;
}
