import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose(): void;
  title: string;
  id: string;
  children: ReactNode;
}

/**
 * A modal <dialog>: the browser traps focus inside it, Esc closes it and focus returns to
 * where it was, so it is keyboard-operable without extra code.
 */
export function Dialog({ open, onClose, title, id, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="app-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
