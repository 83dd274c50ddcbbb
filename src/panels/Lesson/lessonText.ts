import { takesText } from '../../app/shortcuts';
import type { LessonStep } from '../../lessons/format';

export const trainTarget = (t: NonNullable<LessonStep['train']>): string => ('steps' in t ? `step ${t.steps}` : `the end of epoch ${t.epochs}`);

/** Whole numbers as they are; others to 3 significant figures. */
export const formatFigure = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(3));

const ARROW_OWNERS = new Set(['tab', 'tablist', 'slider', 'radio', 'radiogroup', 'menuitem', 'option', 'listbox', 'spinbutton', 'combobox', 'textbox', 'grid', 'gridcell']);

/** What lessonKey needs of the pressed key and of where it was pressed. */
export interface ArrowPress {
  key: string;
  modified: boolean;
  defaultPrevented: boolean;
  target: { tagName: string; type?: string; isContentEditable?: boolean; role?: string | null; ownerRoles: (string | null)[] } | null;
}

/**
 * +1 for →, −1 for ←, 0 where the arrow belongs to something else: a field, a select, a canvas,
 * a tab list (its own arrow keys move between tabs), a slider or radio group, or an open dialog.
 */
export function lessonKey(p: ArrowPress, dialogOpen: boolean): 1 | -1 | 0 {
  if (p.defaultPrevented || p.modified || dialogOpen) return 0;
  if (p.key !== 'ArrowRight' && p.key !== 'ArrowLeft') return 0;
  const t = p.target;
  if (t) {
    if (takesText(t) || t.tagName.toUpperCase() === 'INPUT') return 0;
    if (t.ownerRoles.some((r) => r !== null && ARROW_OWNERS.has(r))) return 0;
  }
  return p.key === 'ArrowRight' ? 1 : -1;
}

/** A key event as lessonKey reads it: the target and the roles of the elements around it. */
export function arrowPress(e: KeyboardEvent): ArrowPress {
  const el = e.target instanceof Element ? e.target : null;
  const ownerRoles: (string | null)[] = [];
  for (let n: Element | null = el; n; n = n.parentElement) ownerRoles.push(n.getAttribute('role'));
  return {
    key: e.key,
    modified: e.ctrlKey || e.metaKey || e.altKey || e.shiftKey,
    defaultPrevented: e.defaultPrevented,
    target: el && {
      tagName: el.tagName,
      type: el.getAttribute('type') ?? undefined,
      isContentEditable: el instanceof HTMLElement && el.isContentEditable,
      role: el.getAttribute('role'),
      ownerRoles,
    },
  };
}
