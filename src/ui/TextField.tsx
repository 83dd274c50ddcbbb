import type { InputHTMLAttributes } from 'react';
import { FieldShell, type FieldShellProps } from './FieldShell';

interface Props extends FieldShellProps {
  value: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  onChange(text: string): void;
}

/**
 * A labelled text input whose error sits below it and is tied to it with aria-describedby.
 * Numbers are typed as text too, so any entry reaches validation and gets a message.
 */
export function TextField({ value, inputMode, onChange, ...shell }: Props) {
  return (
    <FieldShell {...shell}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}
