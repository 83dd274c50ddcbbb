import { takesText } from '../../app/shortcuts';
import type { LessonStep } from '../../lessons/format';

export const trainTarget = (t: NonNullable<LessonStep['train']>): string => ('steps' in t ? `step ${t.steps}` : `the end of epoch ${t.epochs}`);

/** Whole numbers as they are; others to 3 significant figures. */
export const formatFigure = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(3));

const ARROW_OWNERS = new Set(['tab', 'tablist', 'slider', 'radio', 'radiogroup', 'menuitem', 'option', 'listbox', 'spinbutton', 'combobox', 'textbox', 'grid', 'gridcell']);

/**
 * +1 for →, −1 for ←, 0 where the arrow belongs to something else: a field, a select, a canvas,
 * a tab list (its own arrow keys move between tabs), a slider or radio group, or an open dialog.
 */
export function lessonKey(e: KeyboardEvent, dialogOpen: boolean): 1 | -1 | 0 {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || dialogOpen) return 0;
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return 0;
  const t = e.target instanceof Element ? e.target : null;
  if (t) {
    const tag = t.tagName;
    if (takesText({ tagName: tag, type: t.getAttribute('type') ?? undefined, isContentEditable: t instanceof HTMLElement && t.isContentEditable, role: t.getAttribute('role') })) return 0;
    if (tag === 'INPUT') return 0;
    const owner = t.closest('[role]');
    if (owner && ARROW_OWNERS.has(owner.getAttribute('role') ?? '')) return 0;
  }
  return e.key === 'ArrowRight' ? 1 : -1;
}
