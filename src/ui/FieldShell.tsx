import type { ReactNode } from 'react';

export interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  /** Help text: what changing the value does. Also the control's tooltip. */
  hint?: string;
  /** A short remark beside the label, e.g. that a change waits for Reset. */
  note?: string;
}

/** What a control inside the shell must carry so screen readers tie it to its texts. */
export interface ControlAria {
  id: string;
  title?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * Label, control, help text, note and error of one field. The error replaces the hint below the
 * control (one message at a time) and is an alert, so it is read out as it appears.
 */
export function FieldShell({ id, label, error, hint, note, children }: FieldShellProps & { children: (aria: ControlAria) => ReactNode }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null, note ? noteId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {note ? (
          <span id={noteId} className="field-note">
            {note}
          </span>
        ) : null}
      </div>
      {children({ id, title: hint, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
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
