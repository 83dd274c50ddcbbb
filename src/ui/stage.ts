/**
 * One panel at a time fills the window ("Full screen"). The panel becomes a fixed overlay of the
 * viewport, so it fits whatever the browser allows; the Fullscreen API, where the browser grants
 * it, also hides the browser's own bars. Leaving full screen any way (button, Esc, the browser's
 * own exit) restores the panel, so the button always says what the next press does.
 */
type Listener = (panel: HTMLElement | null) => void;

let staged: HTMLElement | null = null;
let ownFullscreen = false;
const listeners = new Set<Listener>();

export function stagedPanel(): HTMLElement | null {
  return staged;
}

export function onStageChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function notify(): void {
  for (const l of listeners) l(staged);
}

export function stage(panel: HTMLElement | null): void {
  if (panel === staged) return;
  staged?.classList.remove('panel-overlay');
  staged = panel;
  if (panel) {
    panel.classList.add('panel-overlay');
    const root = document.documentElement;
    if (!document.fullscreenElement && document.fullscreenEnabled && root.requestFullscreen) {
      ownFullscreen = true;
      root.requestFullscreen().catch(() => (ownFullscreen = false));
    }
  } else if (ownFullscreen && document.fullscreenElement) {
    ownFullscreen = false;
    void document.exitFullscreen().catch(() => undefined);
  }
  notify();
}

export function toggleStage(panel: HTMLElement): void {
  stage(staged === panel ? null : panel);
}

if (typeof document !== 'undefined') {
  // The browser's own exit (Esc in real full screen never reaches the page as a key press).
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && ownFullscreen) {
      ownFullscreen = false;
      stage(null);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && staged && !document.querySelector('dialog[open]')) stage(null);
  });
}
