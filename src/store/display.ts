import { createStore } from 'zustand/vanilla';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export interface DisplayState {
  /** Big type, thick lines, high contrast, secondary controls hidden: for a projector. */
  presenter: boolean;
  theme: ThemeChoice;
  /** What `system` resolves to now (prefers-color-scheme). */
  systemTheme: Theme;
  actions: {
    setPresenter(on: boolean): void;
    togglePresenter(): void;
    setTheme(theme: ThemeChoice): void;
    setSystemTheme(theme: Theme): void;
  };
}

const KEY = 'vae-playground:display';
const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

type Saved = Pick<DisplayState, 'presenter' | 'theme'>;

/** A stored choice, or defaults when it is missing, unreadable or from another version. */
export function parseSaved(text: string | null): Saved {
  const fallback: Saved = { presenter: false, theme: 'system' };
  if (!text) return fallback;
  try {
    const v = JSON.parse(text) as Partial<Saved>;
    return {
      presenter: v.presenter === true,
      theme: THEMES.includes(v.theme as ThemeChoice) ? (v.theme as ThemeChoice) : 'system',
    };
  } catch {
    return fallback;
  }
}

export function resolvedTheme(s: Pick<DisplayState, 'theme' | 'systemTheme'>): Theme {
  return s.theme === 'system' ? s.systemTheme : s.theme;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be blocked (privacy settings); the choice then lasts for this page only.
    return null;
  }
}

export function createDisplayStore(initial: Saved, systemTheme: Theme) {
  return createStore<DisplayState>()((set, get) => {
    const save = () => {
      const { presenter, theme } = get();
      try {
        storage()?.setItem(KEY, JSON.stringify({ presenter, theme }));
      } catch {
        // Quota or blocked storage: not worth an error message for a display preference.
      }
    };
    return {
      ...initial,
      systemTheme,
      actions: {
        setPresenter: (presenter) => (set({ presenter }), save()),
        togglePresenter: () => (set({ presenter: !get().presenter }), save()),
        setTheme: (theme) => (set({ theme }), save()),
        setSystemTheme: (t) => set({ systemTheme: t }),
      },
    };
  });
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export const displayStore = createDisplayStore(parseSaved(storage()?.getItem(KEY) ?? null), darkQuery?.matches ? 'dark' : 'light');
export const displayActions = displayStore.getState().actions;

darkQuery?.addEventListener('change', (e) => displayActions.setSystemTheme(e.matches ? 'dark' : 'light'));

/** The root element carries the choice, so CSS alone restyles the page. */
function apply(s: DisplayState): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = resolvedTheme(s);
  if (s.presenter) root.dataset.presenter = 'on';
  else delete root.dataset.presenter;
}
apply(displayStore.getState());
displayStore.subscribe(apply);
