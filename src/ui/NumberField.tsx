import type { ComponentProps } from 'react';
import { TextField } from './TextField';

type Props = Omit<ComponentProps<typeof TextField>, 'inputMode'> & {
  /** Whole numbers get a numeric keypad on phones; others a decimal one. */
  integer?: boolean;
};

export function NumberField({ integer, ...rest }: Props) {
  return <TextField {...rest} inputMode={integer ? 'numeric' : 'decimal'} />;
}
