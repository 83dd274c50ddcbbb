import type { InputHTMLAttributes } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  onChange(text: string): void;
}

/**
 * A labelled text input whose error sits below it and is tied to it with aria-describedby.
 * Numbers are typed as text too, so any entry reaches validation and gets a message.
 */
export function TextField({ id, label, value, error, hint, inputMode, onChange }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && !error ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
