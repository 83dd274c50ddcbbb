/** The keyboard shortcuts: one table for the handler and the shortcut sheet alike. */
export type ShortcutAction =
  | { kind: 'train-pause' }
  | { kind: 'step' }
  | { kind: 'reset' }
  | { kind: 'view'; index: number }
  | { kind: 'help' }
  | { kind: 'presenter' }
  | { kind: 'stage'; dir: 1 | -1 };

/** The order of the views that 1–6 pick: the tab order in App.tsx. */
export const VIEW_IDS = ['train', 'explore', 'draw', 'stats', 'runs', 'race'] as const;
const VIEW_NAMES = ['Train', 'Explore', 'Draw & complete', 'Statistics', 'Runs', 'Race'];

export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'Space', does: 'Train, pause or resume' },
  { keys: '.', does: 'Train one step, then pause' },
  { keys: 'r', does: 'Reset the model (asks first)' },
  ...VIEW_NAMES.map((name, i) => ({ keys: String(i + 1), does: `Show the ${name} view` })),
  { keys: 'p', does: 'Presenter mode on or off' },
  { keys: '?', does: 'Show this list of shortcuts' },
  { keys: 'Page Down / Page Up', does: 'Next / previous key panel full screen: curves, samples, latent plane, manifold, completion (a clicker works, even with the timeline slider focused)' },
  { keys: '→ / ←', does: 'Next / previous step of the open lesson (not in a field, a slider or the tab list)' },
  { keys: 'Esc', does: 'Close a dialog or leave full screen' },
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Where the key was pressed, as far as shortcuts care. */
export interface KeyTarget {
  tagName: string;
  /** input's type attribute, lower case. */
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
}

/** Inputs that take no typed text: a shortcut letter there is not typing. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Typing a letter or digit here is text entry (or a select's type-ahead), never a shortcut. */
export function takesText(t: KeyTarget): boolean {
  const tag = t.tagName.toUpperCase();
  if (t.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // The drawing canvas keeps its keys (brush, undo) to itself.
  if (tag === 'CANVAS') return true;
  if (t.role === 'textbox' || t.role === 'combobox' || t.role === 'slider' || t.role === 'spinbutton') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase());
}

/** Space activates a focused button, link, tab, checkbox or summary: it stays theirs. */
function spaceIsTaken(t: KeyTarget): boolean {
  const tag = t.tagName.toUpperCase();
  if (['BUTTON', 'A', 'SUMMARY', 'INPUT', 'DIALOG'].includes(tag)) return true;
  return ['button', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option', 'link'].includes(t.role ?? '');
}

/** The action a key press asks for, or null where the key belongs to something else. */
export function shortcutFor(e: KeyInput, target: KeyTarget): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (takesText(target)) return null;
  if (e.key === ' ' || e.key === 'Spacebar') return spaceIsTaken(target) ? null : { kind: 'train-pause' };
  if (e.key === '.') return { kind: 'step' };
  if (e.key === 'r' || e.key === 'R') return { kind: 'reset' };
  if (e.key === 'p' || e.key === 'P') return { kind: 'presenter' };
  if (e.key === '?') return { kind: 'help' };
  if (e.key === 'PageDown') return { kind: 'stage', dir: 1 };
  if (e.key === 'PageUp') return { kind: 'stage', dir: -1 };
  const n = Number(e.key);
  if (/^[1-9]$/.test(e.key) && n <= VIEW_IDS.length) return { kind: 'view', index: n - 1 };
  return null;
}
